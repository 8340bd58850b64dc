package cn.hlj.remoteeval.security.internal;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cn.hlj.remoteeval.security.Groups;

/**
 * Who may open which of the Camunda webapps, the same in every profile: Cockpit and Admin for
 * operators only, Tasklist and the welcome page for every signed-in person (the engine's
 * application authorizations and task authorizations narrow it further). Checked here as well as in
 * the engine, so that a page of Cockpit is not even served to anybody else.
 */
final class WebappAccess {

    /** Where the webapps' own login form would post; people sign in through Spring Security (or Keycloak) instead. */
    static final String CAMUNDA_LOGIN = "/camunda/api/admin/auth/user/*/login/**";
    /** Every webapp, Tasklist included, asks here who is signed in, so it stays open to everybody signed in. */
    static final String CAMUNDA_CURRENT_USER = "/camunda/api/admin/auth/user/**";
    /** Where the webapps log out, a background call of their own. */
    static final RequestMatcher CAMUNDA_LOGOUT = RequestPaths.of(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
    /** The webapps' background calls, which cannot follow a redirect to a login page. */
    static final RequestMatcher CAMUNDA_API = RequestPaths.of("/camunda/api/**");
    /** The error page and the stylesheet it shares with the login page: shown to people not signed in. */
    static final RequestMatcher OPEN = RequestPaths.of("/error", "/error/**", "/css/**");

    private WebappAccess() {
    }

    static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        String operator = Groups.authority(Groups.OPERATOR);
        requests
                .requestMatchers(OPEN).permitAll()
                .requestMatchers(RequestPaths.of(HttpMethod.POST, CAMUNDA_LOGIN)).denyAll()
                .requestMatchers(RequestPaths.of(CAMUNDA_CURRENT_USER)).authenticated()
                .requestMatchers(RequestPaths.of("/camunda/app/cockpit/**", "/camunda/app/admin/**",
                        "/camunda/api/cockpit/**", "/camunda/api/admin/**")).hasAuthority(operator)
                .requestMatchers(RequestPaths.of("/camunda/**")).authenticated();
    }
}
