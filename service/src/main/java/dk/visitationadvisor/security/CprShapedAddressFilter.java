package dk.visitationadvisor.security;

import dk.visitationadvisor.platform.validation.NotCprShapedValidator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose address (path or query) holds a case reference shaped like a CPR number, before
 * anything about it is written anywhere, the access audit included: case references are pseudonymous,
 * and a CPR number in an address would otherwise reach the audit and the logs of every proxy. The API
 * answers 400 with a problem document naming where; a page answers the error page.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2)
class CprShapedAddressFilter extends OncePerRequestFilter {

    private static final NotCprShapedValidator CPR = new NotCprShapedValidator();
    /** The case reference in the API's case paths. */
    private static final Pattern CASE_PATH = Pattern.compile("^/api/v1/cases/([^/]+)");
    /**
     * Query parameters that carry a case reference: the audit's filter. (The page's case search refuses
     * one itself, with its message beside the field, and notes no read.)
     */
    private static final Set<String> CASE_PARAMETERS = Set.of("caseRef");

    private final ProblemResponses problems;

    CprShapedAddressFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String where = cprShapedPart(request);
        if (where != null) {
            problems.cprShaped(request, response, where);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Where a case reference in the address is CPR-shaped: "caseRef" for the path's, or the query
     * parameter's name; null when none is. Only case references are looked at: an assessment id or a
     * rule-set version may hold ten digits in a row and is no person's number.
     */
    private static String cprShapedPart(HttpServletRequest request) {
        Matcher path = CASE_PATH.matcher(request.getRequestURI());
        if (path.find() && !CPR.isValid(decode(path.group(1).replace("+", "%2B")), null)) {
            return "caseRef";
        }
        if (!"GET".equals(request.getMethod())) {
            // A form's fields are the form's to check: it says which field and keeps the rest.
            return null;
        }
        for (String name : CASE_PARAMETERS) {
            String[] values = request.getParameterValues(name);
            if (values != null && Arrays.stream(values).anyMatch(value -> !CPR.isValid(value, null))) {
                return name;
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
