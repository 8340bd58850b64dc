package cn.hlj.remoteeval.security.internal;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
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
    /**
     * The error page and the stylesheet it shares with the login page, and the experts' answer page
     * (its random link is the credential): shown to people not signed in.
     */
    static final RequestMatcher OPEN = RequestPaths.of("/error", "/error/**", "/css/**", "/r/*");

    /**
     * A person opening a page: a GET that asks for HTML by name. A page's fonts, scripts and
     * background calls ask for anything or for JSON.
     */
    static final RequestMatcher PAGE = new AndRequestMatcher(RequestPaths.of(HttpMethod.GET, "/**"), htmlByName());

    private WebappAccess() {
    }

    private static RequestMatcher htmlByName() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /**
     * Only a page is sent to sign in and remembered as the place to return to; anything else not
     * signed in gets 401. Otherwise the fonts a signed-out Tasklist still loads each start a sign-in
     * of their own and become the return address: at Keycloak the last one replaces the pending
     * authorization request, and the person's sign-in then ends in an error (or on a font file).
     */
    static void signInForPagesOnly(HttpSecurity http, AuthenticationEntryPoint signIn) throws Exception {
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(PAGE);
        http.requestCache(cache -> cache.requestCache(pagesOnly))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(signIn, PAGE)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                AnyRequestMatcher.INSTANCE));
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
