package dk.visitationadvisor.overridereview;

import dk.visitationadvisor.security.AccessAudit;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.security.Purpose;
import dk.visitationadvisor.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The override review for rule authors, as JSON ({@code GET /api/v1/override-review}) and as a page
 * ({@code GET /override-review}). Reading it reads the decided cases: one access-audit entry per read,
 * with how many cases.
 */
@Controller
@Tag(name = "Override review", description = "How often caseworkers override each rule, for domain experts")
class OverrideReviewController {

    /** The longest period one review reads. */
    static final Period LONGEST = Period.ofYears(5);

    private final OverrideReview review;
    private final AccessAudit audit;
    private final Clock clock;

    OverrideReviewController(OverrideReview review, AccessAudit audit, Clock clock) {
        this.review = review;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Override rate per rule and per recommendation over a period",
            description = "From the decisions recorded from 'from' to 'to' (both included; default the last 12 months): "
                    + "per rule, in how many decided cases it decided the answer and how many overrode it, with the "
                    + "reasons given; a rule overridden in more than the flag share of at least the minimum number of "
                    + "cases is flagged. The reasons name their case only for a caller who may read cases.")
    @GetMapping(path = "/api/v1/override-review", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Audited(Purpose.OVERRIDE_REVIEW)
    OverrideReport api(
            @Parameter(description = "First day, e.g. 2026-01-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, e.g. 2026-12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(hidden = true) HttpServletRequest http) {
        return read(from, to, http);
    }

    @GetMapping("/override-review")
    @Audited(Purpose.OVERRIDE_REVIEW)
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletRequest http, Model model) {
        model.addAttribute("review", read(from, to, http));
        return "overridereview/review";
    }

    private OverrideReport read(LocalDate from, LocalDate to, HttpServletRequest http) {
        LocalDate last = to == null ? LocalDate.now(clock) : to;
        LocalDate first = from == null ? last.minusYears(1).plusDays(1) : from;
        if (first.isAfter(last) || first.plus(LONGEST).isBefore(last)) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "'from' must be on or before 'to', at most " + LONGEST.getYears()
                            + " years apart"), null);
        }
        OverrideReview.Review result = review.review(first, last, http.isUserInRole(Role.CASEWORKER.name()));
        audit.noteSummary("override review " + first + ".." + last, result.casesRead());
        return result.report();
    }
}
