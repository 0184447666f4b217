package dk.visitationadvisor.security;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first way in, with no account or secret in the code: the account named by
 * {@code advisor.security.bootstrap.username} gets the password from configuration
 * ({@code ADVISOR_SECURITY_BOOTSTRAP_PASSWORD}), set again at every start; without one, and with no
 * accounts yet, a password is generated and printed once. Bootstrap accounts are for a service on
 * loopback: with one, the service refuses to start on any other address. A configured password must
 * meet the password policy; a generated one is random.
 */
@Component
class AccountBootstrap implements SmartInitializingSingleton {

    private final JdbcUserDetailsManager accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final String username;
    private final String password;
    private final List<String> roles;
    private final String address;
    private final RememberedSignIns signIns;
    private final TransactionTemplate transactions;

    AccountBootstrap(JdbcUserDetailsManager accounts, JdbcClient jdbc, PasswordEncoder passwords,
            @Value("${advisor.security.bootstrap.username:admin}") String username,
            @Value("${advisor.security.bootstrap.password:}") String password,
            @Value("${advisor.security.bootstrap.roles:ADMIN,CASEWORKER,RULE_AUTHOR}") List<String> roles,
            @Value("${server.address:}") String address, RememberedSignIns signIns,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.signIns = signIns;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.username = username;
        this.password = password;
        this.roles = roles;
        this.address = address;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!password.isBlank()) {
            if (!PasswordPolicy.problems(username, password).isEmpty()) {
                throw new IllegalStateException("The bootstrap account's password (ADVISOR_SECURITY_BOOTSTRAP_PASSWORD) "
                        + "does not meet the password policy: 12 to 64 characters (72 bytes of UTF-8), not a common, "
                        + "repeated or sequential password, a word or a name (docs/security.md). Choose a longer, "
                        + "less guessable one, or leave it unset to have one generated.");
            }
            createOrReset(password);
        } else if (jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0) {
            String generated = generatePassword();
            createOrReset(generated);
            // Printed, not logged: it must reach the person starting the service, not a log store.
            System.out.printf("%n  Visitation Advisor: sign in as \"%s\" with the generated password %s%n"
                    + "  It is shown once. Set ADVISOR_SECURITY_BOOTSTRAP_PASSWORD to choose one.%n%n", username,
                    generated);
        }
        boolean hasBootstrapAccount = jdbc.sql("SELECT COUNT(*) FROM users WHERE bootstrap AND enabled")
                .query(Long.class).single() > 0;
        if (hasBootstrapAccount && !isLoopback(address)) {
            throw new IllegalStateException("Bootstrap accounts are for a service on loopback, but server.address is "
                    + (address.isBlank() ? "every address" : address) + ". Bind to 127.0.0.1, or remove the "
                    + "bootstrap account (DELETE /api/v1/accounts/" + username + ") and use real accounts or an "
                    + "identity provider.");
        }
    }

    private void createOrReset(String secret) {
        String hash = passwords.encode(secret);
        String[] authorities = roles.stream().map(String::strip).map(role -> "ROLE_" + Role.valueOf(role).name())
                .toArray(String[]::new);
        var account = User.withUsername(username).password(hash).authorities(authorities).build();
        try {
            // In one transaction: the account and its authorities appear together to another instance.
            transactions.executeWithoutResult(status -> accounts.createUser(account));
        } catch (DuplicateKeyException exists) {
            // Set again at every start, also by instances starting at once on one database: the row lock
            // makes one instance's delete-and-insert of authorities wait for the other's.
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT username FROM users WHERE username = ? FOR UPDATE").param(username)
                        .query(String.class).single();
                accounts.updateUser(account);
            });
        }
        jdbc.sql("UPDATE users SET bootstrap = TRUE WHERE username = ?").param(username).update();
        signIns.forgetAll();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean isLoopback(String address) {
        if (address.isBlank()) {
            return false;
        }
        try {
            return Arrays.stream(InetAddress.getAllByName(address)).allMatch(InetAddress::isLoopbackAddress);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
