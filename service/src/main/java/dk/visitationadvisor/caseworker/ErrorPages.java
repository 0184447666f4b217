package dk.visitationadvisor.caseworker;

import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that reach the container before or outside the pages' controllers (a form over the size
 * limit, too many assessments a minute, a CPR number in an address, an unknown address) are shown as
 * the caseworkers' own error page, in their language, never the framework's page with its details.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(jakarta.servlet.http.HttpServletRequest request,
            org.springframework.http.HttpStatus status, Map<String, Object> model) {
        return new ModelAndView("caseworker/error", Map.of("status", status.value()), status);
    }
}
