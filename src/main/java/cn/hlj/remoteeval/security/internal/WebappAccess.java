package cn.hlj.remoteeval.security.internal;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import cn.hlj.remoteeval.security.Groups;

/**
 * Who may open which of the Camunda webapps, the same in every profile: Cockpit and Admin for
 * operators only, Tasklist and the welcome page for every signed-in person (the engine's
 * application authorizations and task authorizations narrow it further). Checked here as well as in
 * the engine, so that a page of Cockpit is not even served to anybody else.
 */
final class WebappAccess {

    /** Where the webapps' own login form would post; people sign in through Spring Security instead. */
    static final String CAMUNDA_LOGIN = "/camunda/api/admin/auth/user/*/login/**";
    /** Tasklist asks here who is signed in, so it stays open to everybody signed in. */
    static final String CAMUNDA_CURRENT_USER = "/camunda/api/admin/auth/user/**";
    static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/default/logout";

    private WebappAccess() {
    }

    static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        String operator = Groups.authority(Groups.OPERATOR);
        requests
                .requestMatchers(HttpMethod.POST, CAMUNDA_LOGIN).denyAll()
                .requestMatchers(CAMUNDA_CURRENT_USER).authenticated()
                .requestMatchers("/camunda/app/cockpit/**", "/camunda/app/admin/**",
                        "/camunda/api/cockpit/**", "/camunda/api/admin/**").hasAuthority(operator)
                .requestMatchers("/camunda/**").authenticated();
    }
}
