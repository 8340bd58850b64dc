package cn.hlj.remoteeval.security.internal;

import java.util.Arrays;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Request matchers on the path as the client wrote it, whichever servlet serves it: the engine REST API
 * and the Camunda webapps are servlets of their own, outside Spring MVC, so MVC-aware matching would
 * miss them.
 */
final class RequestPaths {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private RequestPaths() {
    }

    static RequestMatcher of(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(PATHS::matcher).toList());
    }

    static RequestMatcher of(HttpMethod method, String pattern) {
        return PATHS.matcher(method, pattern);
    }
}
