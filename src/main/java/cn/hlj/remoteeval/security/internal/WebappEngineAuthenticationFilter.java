package cn.hlj.remoteeval.security.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's container-based authentication for the webapps, which keeps the engine identity in the
 * HTTP session once made. When the person's groups have changed since (a session was drawn or has
 * ended), the held identity is dropped first, so that it is made anew. Only requests addressed to an
 * engine are looked at; the webapps' static files pass untouched.
 */
class WebappEngineAuthenticationFilter extends ContainerBasedAuthenticationFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpSession session = http.getSession(false);
        if (session != null && extractEngineName(http) != null) {
            EngineIdentity identity = EngineIdentity.of(http);
            if (identity != null) {
                dropStale(session, identity);
            }
        }
        super.doFilter(request, response, chain);
    }

    private static void dropStale(HttpSession session, EngineIdentity identity) {
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        boolean changed = false;
        for (UserAuthentication held : List.copyOf(authentications.getAuthentications())) {
            if (!isCurrent(held, identity)) {
                authentications.removeByEngineName(held.getProcessEngineName());
                changed = true;
            }
        }
        if (changed) {
            AuthenticationUtil.updateSession(session, authentications);
        }
    }

    private static boolean isCurrent(UserAuthentication held, EngineIdentity identity) {
        return identity.userId().equals(held.getIdentityId()) && held.getGroupIds() != null
                && new HashSet<>(held.getGroupIds()).equals(new HashSet<>(identity.groupIds()));
    }
}
