package dk.visitationadvisor.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors the servlet container answers itself, before any controller (a query parameter without a
 * name, a malformed address, a header over its limit), as the same problem documents as every other
 * error of the API, not Spring Boot's own JSON with the path asked for. Pages keep their error page
 * (the caseworker's, through the inherited HTML answer).
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class ContainerErrorController extends BasicErrorController {

    private final MessageSource messages;

    ContainerErrorController(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> pages, MessageSource messages) {
        super(errorAttributes, web.getError(), pages.orderedStream().toList());
        this.messages = messages;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        String detail = messages.getMessage("problem.status." + status.value(), null,
                messages.getMessage("problem.status.other", null, RequestContextUtils.getLocale(request)),
                RequestContextUtils.getLocale(request));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return (ResponseEntity) ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
