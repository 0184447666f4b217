package dk.visitationadvisor.security;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;

/** Accounts of the embedded default, for administrators: passwords are hashed before they are stored. */
@Service
public class Accounts {

    private final JdbcUserDetailsManager accounts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final RememberedSignIns signIns;

    Accounts(JdbcUserDetailsManager accounts, PasswordEncoder passwords, JdbcClient jdbc, RememberedSignIns signIns) {
        this.signIns = signIns;
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    /** An account as administrators see it: never its password or hash. */
    public record Account(String username, List<String> roles, boolean bootstrap) {
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
    public boolean delete(String username) {
        if (!accounts.userExists(username)) {
            return false;
        }
        accounts.deleteUser(username);
        signIns.forgetAll();
        return true;
    }

    public List<Account> list() {
        return jdbc.sql("SELECT username, bootstrap FROM users ORDER BY username")
                .query((rs, row) -> new Account(rs.getString("username"),
                        accounts.loadUserByUsername(rs.getString("username")).getAuthorities().stream()
                                .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).sorted().toList(),
                        rs.getBoolean("bootstrap")))
                .list();
    }
}
