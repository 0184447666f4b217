package dk.visitationadvisor.security;

import dk.visitationadvisor.platform.http.NotFoundException;
import dk.visitationadvisor.platform.http.ProblemDetailsAdvice;
import dk.visitationadvisor.platform.http.RequestReader;
import dk.visitationadvisor.security.Accounts.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** For administrators: the accounts of the embedded default, and the access audit. */
@RestController
@Validated
@Tag(name = "Administration", description = "Accounts and the access audit (ADMIN)")
class AdministrationController {

    private final Accounts accounts;
    private final AccessAudit audit;
    private final RequestReader requests;

    AdministrationController(Accounts accounts, AccessAudit audit, RequestReader requests) {
        this.accounts = accounts;
        this.audit = audit;
        this.requests = requests;
    }

    @Operation(operationId = "listAccounts", summary = "The accounts, with their roles (never a password)")
    @GetMapping(path = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Account> accounts() {
        return accounts.list();
    }

    @Operation(operationId = "createAccount", summary = "Create an account", description = "The password must meet the password policy (12 to 64 "
            + "characters, not common, repeated, sequential or built from the name) and is stored hashed (bcrypt).")
    @ApiResponse(responseCode = "201", description = "Created; the account is at Location", content = @Content)
    @ApiResponse(responseCode = "409", description = "The account name is taken")
    @PostMapping(path = "/api/v1/accounts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = AccountRequest.class))) @RequestBody JsonNode body) {
        AccountRequest request = requests.read(body, AccountRequest.class);
        if (!accounts.create(request)) {
            return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "That account name is taken.");
        }
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + request.username())).build();
    }

    @Operation(operationId = "deleteAccount", summary = "Delete an account", description = "E.g. the bootstrap account, once real accounts exist.")
    @ApiResponse(responseCode = "204", description = "Deleted", content = @Content)
    @DeleteMapping("/api/v1/accounts/{username}")
    ResponseEntity<Void> delete(@PathVariable String username) {
        if (!accounts.delete(username)) {
            throw new NotFoundException("account");
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "setAccountEnabled", summary = "Disable or enable an account",
            description = "A disabled account cannot sign in, and its page sessions end at their next request.")
    @ApiResponse(responseCode = "204", description = "Changed", content = @Content)
    @PutMapping(path = "/api/v1/accounts/{username}/enabled", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> enable(@PathVariable String username, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = AccountState.class))) @RequestBody JsonNode body) {
        AccountState state = requests.read(body, AccountState.class);
        if (!accounts.setEnabled(username, state.enabled())) {
            throw new NotFoundException("account");
        }
        return ResponseEntity.noContent().build();
    }

    /** Whether an account may sign in. */
    record AccountState(@NotNull Boolean enabled) {
    }

    @Operation(operationId = "listAccessAudit", summary = "The access audit, newest first",
            description = "Every API call and every page that read case data: when, who (the account, or anonymous) "
                    + "and from which address, what (the route), why (the purpose the endpoint names), which case and "
                    + "assessment, and the status answered.")
    @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.AUDIT_REVIEW)
    List<AccessAudit.Entry> audit(@RequestParam(required = false) String caseRef,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        if (caseRef != null) {
            audit.note(caseRef, null);
        }
        return audit.page(caseRef, page, size);
    }
}
