package cn.hlj.remoteeval.security.internal;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cn.hlj.remoteeval.security.Groups;

/**
 * Which paths are the API and who may call it, the same in every profile (only how callers prove who
 * they are differs): anybody signed in (each endpoint and the engine's authorizations then decide),
 * health for everybody.
 */
final class ApiAccess {

    /** The API, the actuator, the engine REST API and the partner provinces' exchange. */
    static final RequestMatcher PATHS = RequestPaths.of("/api/**", "/actuator/**", "/engine-rest/**", "/exchange/**");

    private ApiAccess() {
    }

    static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(RequestPaths.of("/actuator/health", "/actuator/health/**")).permitAll()
                // Stands in for the SMS gateway's reply callback: the random reply code is the credential.
                .requestMatchers(RequestPaths.of(HttpMethod.POST, "/api/expert-invitations/*/answer")).permitAll()
                // The SMS gateway's reply callback: its HMAC signature is the credential (notification checks it).
                .requestMatchers(RequestPaths.of(HttpMethod.POST, "/api/sms-gateway/replies")).permitAll()
                // The voice platform's key-press callback: signed the same way, with its own secret.
                .requestMatchers(RequestPaths.of(HttpMethod.POST, "/api/voice-gateway/answers")).permitAll()
                // Partner provinces' messages: the SM2 signature of a registered partner is the credential
                // (crossprovince.exchange checks it before anything is read).
                .requestMatchers(RequestPaths.of(HttpMethod.POST, "/exchange/v1/messages")).permitAll()
                .requestMatchers(RequestPaths.of("/actuator/**")).hasAuthority(Groups.authority(Groups.OPERATOR))
                .anyRequest().authenticated();
    }
}
