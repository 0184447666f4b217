package dk.visitationadvisor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what, denied unless allowed here. Two doors: the API ({@code /api/**}), stateless, with
 * HTTP Basic for accounts of the embedded default and bearer tokens (JWT) when an issuer is
 * configured; and the web page, with form login, a session and CSRF protection. See docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String CASEWORKER = Role.CASEWORKER.name();
    private static final String RULE_AUTHOR = Role.RULE_AUTHOR.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String SYSTEM = Role.SYSTEM.name();
    private static final String APPROVER = Role.APPROVER.name();

    /** No inline script or style anywhere; nothing from elsewhere; no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No observation of every security filter, authentication and authorisation: nothing reads them (see
     * management.observations.enable.all), and without this Spring Security still wraps each filter to
     * ask whether to observe it, on every request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The health endpoints, for load balancers and orchestrators: open, and they take no credentials at
     * all, so that nothing sent to them is a sign-in (or a wrong password that counts towards a lockout).
     * They show the rule-set version and whether the database answers, nothing about families.
     */
    @Bean
    @Order(0)
    SecurityFilterChain probes(HttpSecurity http) {
        http.securityMatcher("/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .anonymous(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, RateLimitFilter rateLimit,
            ObjectProvider<JwtDecoder> jwt, @Value("${advisor.security.jwt.roles-claim:roles}") String rolesClaim) {
        // Actuator too: operators' endpoints answer machines, like the API (no session, no form).
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        // Metrics and anything else an operator exposes: administrators only.
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/assessments", "/api/v1/assessments/preview",
                                "/api/v1/assessments:batch")
                        .hasAnyRole(CASEWORKER, SYSTEM)
                        .requestMatchers(HttpMethod.GET, "/api/v1/assessments/*", "/api/v1/cases/*/assessments")
                        .hasRole(CASEWORKER)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/assessments/*/decision").hasRole(CASEWORKER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/assessments/*/decision").hasAnyRole(CASEWORKER, APPROVER)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/assessments/*/decision/approval").hasRole(APPROVER)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/cases/*").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/erasures", "/api/v1/audit").hasRole(ADMIN)
                        .requestMatchers("/api/v1/accounts", "/api/v1/accounts/*", "/api/v1/accounts/*/enabled").hasRole(ADMIN)
                        .requestMatchers("/api/v1/rule-sets/**").hasRole(RULE_AUTHOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/rules/overrides").hasAnyRole(RULE_AUTHOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/override-review").hasRole(RULE_AUTHOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/rules").hasAnyRole(CASEWORKER, RULE_AUTHOR, ADMIN)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // No session and no cookie: a forged cross-site request has no credentials to ride on.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .addFilterBefore(new PrincipalForAudit(), AuthorizationFilter.class)
                .addFilterAfter(rateLimit, AuthorizationFilter.class);
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(problems)
                    .jwt(token -> token.jwtAuthenticationConverter(source -> new JwtAuthenticationToken(source,
                            roles(source, rolesClaim), source.getSubject()))));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, RateLimitFilter rateLimit, EndedAccounts endedAccounts) {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/caseworker/*.css", "/caseworker/*.js", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/override-review").hasRole(RULE_AUTHOR)
                        // The rule authors' page does what /api/v1/rule-sets/** does: rule authors only.
                        .requestMatchers("/rule-authoring", "/rule-authoring/**").hasRole(RULE_AUTHOR)
                        .anyRequest().hasRole(CASEWORKER))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .requestCache(cache -> cache.requestCache(pageAskedFor()))
                .logout(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                // A session whose account was deleted or disabled ends at its next request, on any instance.
                .addFilterAfter(endedAccounts, SecurityContextHolderFilter.class)
                .addFilterBefore(new PrincipalForAudit(), AuthorizationFilter.class)
                .addFilterAfter(rateLimit, AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    RateLimitFilter rateLimitFilter(TokenBuckets.Buckets buckets,
            @Value("${advisor.security.rate-limit.assessments-per-minute:1200}") int perMinute, ProblemResponses problems) {
        return new RateLimitFilter(buckets, perMinute, problems);
    }

    /** Only the security chains run the rate limit, not the servlet container as well. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitNotInServletChain(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** Only the page's security chain ends the sessions of ended accounts. */
    @Bean
    FilterRegistrationBean<EndedAccounts> endedAccountsNotInServletChain(EndedAccounts filter) {
        FilterRegistrationBean<EndedAccounts> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** After sign-in, back to the page asked for, as it was asked for (no "?continue" added to it). */
    private static HttpSessionRequestCache pageAskedFor() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    private static Collection<GrantedAuthority> roles(Jwt token, String claim) {
        List<String> roles = token.getClaimAsStringList(claim);
        return roles == null ? List.of() : roles.stream()
                .filter(role -> List.of(Role.values()).stream().anyMatch(r -> r.name().equals(role)))
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    /** Tells the audit who the caller is, once authenticated, before authorisation may refuse them. */
    private static final class PrincipalForAudit extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            AuditFilter.notePrincipal(request);
            chain.doFilter(request, response);
        }
    }
}
