package dk.visitationadvisor.caseworker;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, in the caseworkers' language; Spring Security checks what is posted to it. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "caseworker/login";
    }
}
