package dk.visitationadvisor.security;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** The accounts of the embedded default, in the database, with their passwords hashed (bcrypt). */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager accountStore(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    /**
     * Sign-in against the accounts: refused while the login lockout locks the account for the client,
     * and a right password remembered for {@code advisor.security.sign-in-memory} (bcrypt once, not per
     * request).
     */
    @Bean
    RememberedSignIns accountSignIn(JdbcUserDetailsManager accounts, LoginLockout lockout, PasswordEncoder passwords,
            @Value("${advisor.security.sign-in-memory:PT1M}") Duration memory) {
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(accounts);
        checked.setPasswordEncoder(passwords);
        return new RememberedSignIns(checked, lockout, memory, Ticker.systemTicker());
    }
}
