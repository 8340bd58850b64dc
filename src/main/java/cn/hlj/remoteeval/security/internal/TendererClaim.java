package cn.hlj.remoteeval.security.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import cn.hlj.remoteeval.security.Groups;

/**
 * The tenderer a Keycloak token names for a tenderer account, in the claim {@code name}
 * ({@code remote-eval.keycloak.tenderer-claim}, default {@value #DEFAULT}). The rule between it and an
 * operator's binding ({@code PUT /api/tenderer-accounts/{user}}): a token that carries the claim wins,
 * because Keycloak is where people's accounts are kept; a token without it leaves the operator's binding
 * as it is. Only for members of {@link Groups#TENDERER}: nobody else speaks for a tenderer.
 */
record TendererClaim(String name) {

    static final String DEFAULT = "tenderer_name";

    TendererClaim {
        name = name == null || name.isBlank() ? DEFAULT : name.strip();
    }

    /** The tenderer the claims name, if any (stripped; a blank value names none). */
    Optional<String> of(Map<String, Object> claims) {
        return claims.get(name) instanceof String value && !value.isBlank() ? Optional.of(value.strip()) : Optional.empty();
    }

    /**
     * The tenderer the current request's own token names for {@code userId}: a bearer token or the
     * browser session opened at Keycloak, of a tenderer account. Empty for anybody else and in the
     * default profile (no tokens there).
     */
    Optional<String> ofCaller(String userId) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !userId.equals(caller.getName()) || caller.getAuthorities().stream()
                .noneMatch(authority -> Groups.authority(Groups.TENDERER).equals(authority.getAuthority()))) {
            return Optional.empty();
        }
        if (caller instanceof JwtAuthenticationToken bearer) {
            return of(bearer.getTokenAttributes());
        }
        return caller.getPrincipal() instanceof OidcUser session ? of(session.getClaims()) : Optional.empty();
    }
}
