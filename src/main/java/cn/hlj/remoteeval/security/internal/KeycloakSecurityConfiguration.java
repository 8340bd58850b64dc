package cn.hlj.remoteeval.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.security.Groups;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Profile {@code keycloak}: single sign-on through standard OpenID Connect. The Camunda webapps log
 * in with the authorization code flow ({@code oauth2Login}); {@code /api}, {@code /engine-rest} and
 * the actuator take Keycloak's access tokens as JWT bearer tokens. Realm roles and group paths become
 * {@code GROUP_<camunda group>} authorities ({@link KeycloakRoleMapping}); the Camunda user id is
 * {@code preferred_username}. Never the Keycloak adapters: they are removed from Keycloak and do not
 * run on Spring Boot 3. Which paths are the API and who may open which webapp is decided as in every
 * profile ({@link ApiAccess}, {@link WebappAccess}); only how people prove who they are differs.
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
@EnableWebSecurity
class KeycloakSecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";
    private static final String SIGNED_OUT_PAGE = "/login.html";
    /** Centers are reference data an operator may edit; a new one is known to the mapping within this time. */
    private static final Duration CENTERS_REFRESH = Duration.ofMinutes(1);

    @Bean
    KeycloakRoleMapping keycloakRoleMapping(AccountCenters centers) {
        return new KeycloakRoleMapping(new CenterCodes(centers));
    }

    @Bean
    KeycloakUserProvisioning keycloakUserProvisioning(IdentityService identity, KeycloakRoleMapping mapping,
            EngineTendererAccounts tenderers) {
        return new KeycloakUserProvisioning(identity, mapping::isCamundaGroup, tenderers);
    }

    @Bean
    ApplicationRunner keycloakOperatorsPlaceholder(KeycloakUserProvisioning provisioning) {
        return args -> provisioning.ensureOperatorsGroupHasAMember();
    }

    @Bean
    @Order(1)
    SecurityFilterChain keycloakApiSecurity(HttpSecurity http, KeycloakRoleMapping mapping) throws Exception {
        AuthenticationEntryPoint unauthorized = bearerUnauthorized();
        http.securityMatcher(ApiAccess.PATHS)
                .authorizeHttpRequests(ApiAccess::rules)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(mapping))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                // The workbench's pages call the API with the browser session opened by logging in at
                // Keycloak; scripts present bearer tokens. The API never creates a session.
                .securityContext(context -> context.securityContextRepository(sessionReadOnly()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // Bearer callers carry no cookie; the session cookie is SameSite=Lax (application.yml), so no
                // other site can send it with a state-changing request.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The webapps and the rest of the site: a browser session opened by logging in at Keycloak. */
    @Bean
    @Order(2)
    SecurityFilterChain keycloakWebappSecurity(HttpSecurity http, KeycloakRoleMapping mapping,
            OAuth2AuthorizedClientRepository authorizedClients, KeycloakUserProvisioning provisioning) throws Exception {
        LinkedHashMap<RequestMatcher, LogoutSuccessHandler> afterLogout = new LinkedHashMap<>();
        afterLogout.put(WebappAccess.CAMUNDA_LOGOUT, new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK));
        DelegatingLogoutSuccessHandler loggedOut = new DelegatingLogoutSuccessHandler(afterLogout);
        // A plain link to /logout: back to Tasklist, which now asks Keycloak for a new login.
        SimpleUrlLogoutSuccessHandler toTasklist = new SimpleUrlLogoutSuccessHandler();
        toTasklist.setDefaultTargetUrl("/camunda/app/tasklist/");
        loggedOut.setDefaultLogoutSuccessHandler(toTasklist);
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(RequestPaths.of(SIGNED_OUT_PAGE)).permitAll();
                    WebappAccess.rules(requests);
                    requests.anyRequest().authenticated();
                })
                .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService(mapping, provisioning))))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(WebappAccess.CAMUNDA_LOGOUT, RequestPaths.of("/logout")))
                        .addLogoutHandler(new KeycloakSessionLogout(authorizedClients))
                        .logoutSuccessHandler(loggedOut))
                // The Camunda webapps carry their own CSRF protection (XSRF-TOKEN cookie and header).
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        WebappAccess.signInForPagesOnly(http, new LoginUrlAuthenticationEntryPoint(
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + REGISTRATION_ID));
        return http.build();
    }

    /**
     * Tasklist's sign-out leads to the login page of the default profile ({@code static/login.html},
     * see {@code remote-eval/sign-in.js}). Here Keycloak signs people in: the page leads back to
     * Tasklist, which sends them to Keycloak's login.
     */
    @Bean
    WebMvcConfigurer signedOutLeadsToKeycloak() {
        return new WebMvcConfigurer() {
            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addRedirectViewController(SIGNED_OUT_PAGE, "/camunda/app/tasklist/");
            }
        };
    }

    /**
     * The webapp session's user: the ID token's claims, named and authorized like a bearer token, and
     * known to Camunda's identity service by id and name.
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(KeycloakRoleMapping mapping,
            KeycloakUserProvisioning provisioning) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            String userId = KeycloakRoleMapping.userName(user.getClaims());
            List<GrantedAuthority> authorities = mapping.authorities(user.getClaims());
            try {
                provisioning.provision(userId, user.getClaims(), groupIds(authorities));
            } catch (ProcessEngineException e) {
                // E.g. a user name outside Camunda's resource whitelist: no webapp session can be built for it.
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user",
                        "No Camunda user can be kept for " + userId + ": " + e.getMessage(), null), e);
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
                    KeycloakRoleMapping.USER_NAME_CLAIM);
        };
    }

    private static List<String> groupIds(List<GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .map(authority -> authority.substring(Groups.AUTHORITY_PREFIX.length())).toList();
    }

    private static HttpSessionSecurityContextRepository sessionReadOnly() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setAllowSessionCreation(false);
        return repository;
    }

    /** The API's 401 problem+json, announcing the bearer scheme instead of HTTP Basic. */
    private static AuthenticationEntryPoint bearerUnauthorized() {
        AuthenticationEntryPoint problem = ProblemResponses.unauthorized();
        return (request, response, e) -> problem.commence(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)
                        ? "Bearer realm=\"remote-eval\"" : value);
            }
        }, e);
    }

    /** The center codes, read again from the database at most once per {@link #CENTERS_REFRESH}. */
    private static final class CenterCodes implements Supplier<Set<String>> {

        private final AccountCenters centers;
        private volatile Set<String> codes = Set.of();
        private volatile Instant readAt = Instant.MIN;

        CenterCodes(AccountCenters centers) {
            this.centers = centers;
        }

        @Override
        public Set<String> get() {
            Instant now = Instant.now();
            if (readAt.plus(CENTERS_REFRESH).isBefore(now)) {
                List<AccountCenters.Center> all = centers.centers();
                codes = all.stream().map(AccountCenters.Center::code).collect(Collectors.toUnmodifiableSet());
                readAt = now;
            }
            return codes;
        }
    }
}
