package dk.visitationadvisor.caseworker;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors on the caseworker's pages as a page, not as the API's problem documents: before the API's
 * advice, and for these pages only. Logged without the request: it may hold personal data.
 */
@ControllerAdvice(assignableTypes = CaseworkerController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException ex, HttpServletResponse response, Model model) {
        return page(ex.getStatusCode().value(), response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception ex, HttpServletResponse response, Model model) {
        log.error("Unexpected error on a caseworker page", ex);
        return page(500, response, model);
    }

    private static String page(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "caseworker/error";
    }
}
