package cn.hlj.remoteeval.security.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import cn.hlj.remoteeval.security.Groups;
import cn.hlj.remoteeval.security.VenueSessionHosting;

/**
 * Who the process engine sees behind a request: the Spring Security user and their groups (the
 * {@code GROUP_} authorities), plus the anonymous session groups of the sessions their center hosts.
 * Computed per request, so that a session drawn after login is visible at once.
 */
record EngineIdentity(String userId, List<String> groupIds) {

    /** The request attribute under which {@link EngineIdentityFilter} leaves it for the engine's filters. */
    static final String REQUEST_ATTRIBUTE = EngineIdentity.class.getName();

    /** The identity of the request, or null when nobody is signed in. */
    static EngineIdentity of(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof Lazy lazy ? lazy.get() : null;
    }

    /** Worked out on first use: the session groups cost a query, which a static file need not pay. */
    static final class Lazy {

        private final Authentication authentication;
        private final VenueSessionHosting hosting;
        private EngineIdentity identity;

        Lazy(Authentication authentication, VenueSessionHosting hosting) {
            this.authentication = authentication;
            this.hosting = hosting;
        }

        EngineIdentity get() {
            if (identity == null) {
                identity = EngineIdentity.of(authentication, hosting);
            }
            return identity;
        }
    }

    static EngineIdentity of(Authentication authentication, VenueSessionHosting hosting) {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> hostingCenters = new LinkedHashSet<>();
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority == null || !authority.startsWith(Groups.AUTHORITY_PREFIX)) {
                continue;
            }
            String group = authority.substring(Groups.AUTHORITY_PREFIX.length());
            // A session group comes from the bookings only, never from a token or the identity store.
            if (Groups.isVenueSession(group)) {
                continue;
            }
            groups.add(group);
            String center = Groups.centerOfStaff(group);
            if (center != null) {
                hostingCenters.add(center);
            }
        }
        for (String session : hosting.sessionsHostedBy(hostingCenters)) {
            groups.add(Groups.venueSession(session));
        }
        return new EngineIdentity(authentication.getName(), List.copyOf(groups));
    }
}
