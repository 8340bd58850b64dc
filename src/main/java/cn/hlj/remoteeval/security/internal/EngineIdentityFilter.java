package cn.hlj.remoteeval.security.internal;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.hlj.remoteeval.security.VenueSessionHosting;

/**
 * Runs after Spring Security on the engine REST API and the webapps: leaves the authenticated
 * user's engine identity for the engine's filters, worked out only when one of them asks (a static
 * file of the webapps never does), at most once per request.
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
            request.setAttribute(EngineIdentity.REQUEST_ATTRIBUTE, new EngineIdentity.Lazy(authentication, hosting));
        }
        chain.doFilter(request, response);
    }
}
