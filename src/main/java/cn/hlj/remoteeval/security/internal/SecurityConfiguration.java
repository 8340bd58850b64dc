package cn.hlj.remoteeval.security.internal;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;

/**
 * Security without an identity provider (every profile but {@code keycloak}): people are Camunda's
 * own users. The API and the engine REST API take HTTP Basic; the webapps a login form in Chinese.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Profile("!keycloak")
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login.html";

    @Bean
    CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identity) {
        return new CamundaIdentityAuthenticationProvider(identity);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        http.securityMatcher(ApiAccess.PATHS)
                .authenticationProvider(provider)
                .authorizeHttpRequests(ApiAccess::rules)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                // A person signed in through the login form calls the API from the pages (the operators'
                // page, a report download from Tasklist) with the session; the API never creates one.
                .securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // Basic callers carry no cookie; the session cookie is SameSite=Lax (application.yml), so no
                // other site can send it with a state-changing request.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        http.authenticationProvider(provider)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(RequestPaths.of(LOGIN_PAGE, "/login", "/favicon.ico")).permitAll();
                    WebappAccess.rules(requests);
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl("/login")
                        .defaultSuccessUrl("/camunda/app/tasklist/", false)
                        .failureUrl(LOGIN_PAGE + "?error").permitAll())
                // Operators' scripts and the page tests may still present HTTP Basic; a browser without
                // credentials is sent to the login form, not asked for Basic.
                .httpBasic(basic -> {
                })
                .logout(logout -> logout
                        .logoutRequestMatcher(WebappAccess.CAMUNDA_LOGOUT)
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                // The webapps send their own CSRF token (Camunda's CsrfPreventionFilter checks it).
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        WebappAccess.signInForPagesOnly(http, new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
        return http.build();
    }
}
