package cn.hlj.remoteeval.security.internal;

import java.io.IOException;
import java.util.HashSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.hlj.remoteeval.security.VenueSessionHosting;

/**
 * Runs after Spring Security on the engine REST API and the webapps: works out the engine identity
 * of the authenticated user and, when the webapps' session holds one with other groups (a session
 * was drawn or ended since), drops it, so that the container-based filter builds it anew.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

    private final VenueSessionHosting hosting;

    EngineIdentityFilter(VenueSessionHosting hosting) {
        this.hosting = hosting;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            EngineIdentity identity = EngineIdentity.of(authentication, hosting);
            request.setAttribute(EngineIdentity.REQUEST_ATTRIBUTE, identity);
            dropStaleWebappAuthentication(request.getSession(false), identity);
        }
        chain.doFilter(request, response);
    }

    private static void dropStaleWebappAuthentication(HttpSession session, EngineIdentity identity) {
        if (session == null) {
            return;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        for (UserAuthentication held : java.util.List.copyOf(authentications.getAuthentications())) {
            if (!isCurrent(held, identity)) {
                authentications.removeByEngineName(held.getProcessEngineName());
            }
        }
        AuthenticationUtil.updateSession(session, authentications);
    }

    private static boolean isCurrent(Authentication held, EngineIdentity identity) {
        return held instanceof UserAuthentication user && identity.userId().equals(user.getIdentityId())
                && user.getGroupIds() != null
                && new HashSet<>(user.getGroupIds()).equals(new HashSet<>(identity.groupIds()));
    }
}
