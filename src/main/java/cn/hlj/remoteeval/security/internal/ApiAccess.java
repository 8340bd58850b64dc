package cn.hlj.remoteeval.security.internal;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cn.hlj.remoteeval.security.Groups;

/**
 * Who may call the API, the actuator and the engine REST API, the same in every profile: anybody
 * signed in (each endpoint and the engine's authorizations then decide), health for everybody.
 */
final class ApiAccess {

    /**
     * The API, the actuator and the engine REST API. Matched on the path alone: the engine REST API is
     * a servlet of its own, which a Spring MVC pattern would not match.
     */
    static final RequestMatcher PATHS = new OrRequestMatcher(AntPathRequestMatcher.antMatcher("/api/**"),
            AntPathRequestMatcher.antMatcher("/actuator/**"), AntPathRequestMatcher.antMatcher("/engine-rest/**"));

    private ApiAccess() {
    }

    static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // Stands in for the SMS gateway's reply callback: the random reply code is the credential.
                .requestMatchers(HttpMethod.POST, "/api/expert-invitations/*/answer").permitAll()
                .requestMatchers("/actuator/**").hasAuthority(Groups.authority(Groups.OPERATOR))
                .anyRequest().authenticated();
    }
}
