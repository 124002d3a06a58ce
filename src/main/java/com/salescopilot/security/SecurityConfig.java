package com.salescopilot.security;

import com.salescopilot.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains over one user store: the REST API ({@code /api/**}: HTTP Basic or the browser
 * session, 401/403 as problem details) and the Vaadin UI (form login view).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        // PostgreSQL keeps microseconds: tick in them so that what we return equals what we stored
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        // A request that carries its own credentials cannot be forged by another site; one that rides on
        // the browser's session cookie can, so only those need the CSRF token.
        RequestMatcher cookieBased = request -> request.getHeader("Authorization") == null;
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) ->
                        problem(res, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                                "Log in: send HTTP Basic credentials of a Sales Co-Pilot user.", true)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, HttpServletResponse.SC_UNAUTHORIZED,
                                "Unauthorized", "Log in: send HTTP Basic credentials of a Sales Co-Pilot user.", true))
                        .accessDeniedHandler((req, res, ex) -> {
                            if (!isAuthenticated()) {
                                // e.g. a POST without credentials fails the CSRF check first: the answer is "log in"
                                problem(res, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                                        "Log in: send HTTP Basic credentials of a Sales Co-Pilot user.", true);
                            } else if (ex instanceof CsrfException) {
                                problem(res, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                                        "Requests that use the browser session need the CSRF token; API clients send HTTP Basic credentials.", false);
                            } else {
                                problem(res, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Your role does not allow this.", false);
                            }
                        }))
                .csrf(c -> c.requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER, cookieBased)))
                .formLogin(f -> f.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/webjars/**", "/icons/**", "/styles.css").permitAll()
                .requestMatchers(HttpMethod.GET, "/error").permitAll());
        // A typed address that names no view (or a view the user's role may not open) must reach Vaadin, which
        // shows the translated "not found" page; by default Spring Security would answer it with a bare 403.
        // Anonymous users are still sent to the login view first.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    private static boolean isAuthenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static void problem(HttpServletResponse res, int status, String title, String detail, boolean challenge)
            throws IOException {
        res.setStatus(status);
        if (challenge) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Sales Co-Pilot\"");
        }
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
