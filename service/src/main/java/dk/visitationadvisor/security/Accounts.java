package dk.visitationadvisor.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of the embedded default, for administrators: passwords are hashed before they are stored;
 * a deleted or disabled account's sign-ins end at once (remembered sign-ins are forgotten, page sessions
 * end at their next request).
 */
@Service
public class Accounts {

    private final JdbcUserDetailsManager accounts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final RememberedSignIns signIns;
    private final Clock clock;

    Accounts(JdbcUserDetailsManager accounts, PasswordEncoder passwords, JdbcClient jdbc, RememberedSignIns signIns,
            Clock clock) {
        this.signIns = signIns;
        this.clock = clock;
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    /** An account as administrators see it: never its password or hash. */
    public record Account(String username, List<String> roles, boolean enabled, boolean bootstrap) {
    }

    /** @return false when the name is taken */
    public boolean create(AccountRequest request) {
        if (accounts.userExists(request.username())) {
            return false;
        }
        accounts.createUser(User.withUsername(request.username()).password(passwords.encode(request.password()))
                .roles(request.roles().stream().map(Role::name).toArray(String[]::new)).build());
        return true;
    }

    /** @return false when there is no such account */
    @Transactional
    public boolean delete(String username) {
        if (!accounts.userExists(username)) {
            return false;
        }
        accounts.deleteUser(username);
        endSignIns(username);
        return true;
    }

    /** Disables or enables an account; @return false when there is no such account */
    @Transactional
    public boolean setEnabled(String username, boolean enabled) {
        int updated = jdbc.sql("UPDATE users SET enabled = ? WHERE username = ?").params(enabled, username).update();
        if (updated > 0 && !enabled) {
            endSignIns(username);
        }
        signIns.forgetAll();
        return updated > 0;
    }

    /** When the account was last deleted or disabled: a page session begun before then has ended. */
    Optional<Instant> signInsEndedAt(String username) {
        return jdbc.sql("SELECT ended_at FROM ended_sign_ins WHERE username = ?").param(username)
                .query((rs, row) -> rs.getObject("ended_at", OffsetDateTime.class).toInstant()).optional();
    }

    private void endSignIns(String username) {
        jdbc.sql("DELETE FROM ended_sign_ins WHERE username = ?").param(username).update();
        jdbc.sql("INSERT INTO ended_sign_ins (username, ended_at) VALUES (?, ?)")
                .params(username, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        signIns.forgetAll();
    }

    public List<Account> list() {
        return jdbc.sql("SELECT username, enabled, bootstrap FROM users ORDER BY username")
                .query((rs, row) -> new Account(rs.getString("username"), roles(rs.getString("username")),
                        rs.getBoolean("enabled"), rs.getBoolean("bootstrap")))
                .list();
    }

    private List<String> roles(String username) {
        return jdbc.sql("SELECT authority FROM authorities WHERE username = ? ORDER BY authority").param(username)
                .query(String.class).stream().map(a -> a.replaceFirst("^ROLE_", "")).toList();
    }
}
