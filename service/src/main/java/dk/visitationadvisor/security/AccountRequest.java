package dk.visitationadvisor.security;

import dk.visitationadvisor.platform.validation.NotCprShaped;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A new account of the embedded default: a name (not a person's CPR number), a password that meets the
 * password policy (docs/security.md), its roles.
 */
@AcceptablePassword
public record AccountRequest(
        @NotNull @Pattern(regexp = "^[a-zA-Z0-9._@-]{2,100}$") @NotCprShaped String username,
        @NotNull @Size(max = 1000) String password,
        @NotEmpty Set<@NotNull Role> roles) {
}
