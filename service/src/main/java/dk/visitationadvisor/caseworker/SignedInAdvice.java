package dk.visitationadvisor.caseworker;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page shows who is signed in, with the way out (on a shared computer, that matters). */
@ControllerAdvice(assignableTypes = {CaseworkerController.class, SignInController.class})
class SignedInAdvice {

    @ModelAttribute("signedInAs")
    String signedInAs(Principal caller) {
        return caller == null ? null : caller.getName();
    }
}
