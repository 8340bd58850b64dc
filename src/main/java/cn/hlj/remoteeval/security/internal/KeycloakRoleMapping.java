package cn.hlj.remoteeval.security.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import cn.hlj.remoteeval.security.Groups;

/**
 * Turns a Keycloak token's realm roles ({@code realm_access.roles}) and group paths ({@code groups},
 * e.g. {@code /HRB/staff}) into the {@code GROUP_<camunda group>} authorities the rest of the
 * application reads, and names the user by {@code preferred_username} (the Camunda user id).
 * Only the Camunda groups of DESIGN.md §4 are mapped: a realm holds roles of other applications
 * too, and an unknown role must never become a Camunda group that some authorization happens to name.
 */
final class KeycloakRoleMapping implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String USER_NAME_CLAIM = "preferred_username";
    static final String GROUPS_CLAIM = "groups";
    private static final Set<String> FIXED_GROUPS = Set.of(Groups.OPERATOR, Groups.POOL_ADMIN, Groups.DRC, Groups.TENDERER);
    private static final String STAFF = "staff";
    private static final String SUPERVISOR = "supervisor";

    private final Supplier<? extends Collection<String>> centerCodes;

    /** {@code centerCodes}: the trading centers whose staff and supervisor groups exist (asked on every mapping). */
    KeycloakRoleMapping(Supplier<? extends Collection<String>> centerCodes) {
        this.centerCodes = centerCodes;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), userName(jwt.getClaims()));
    }

    /** The Camunda user id: a token without one authenticates nobody. */
    static String userName(Map<String, Object> claims) {
        Object name = claims.get(USER_NAME_CLAIM);
        if (!(name instanceof String userName) || userName.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "The token carries no " + USER_NAME_CLAIM, null));
        }
        return userName;
    }

    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        Collection<String> centers = centerCodes.get();
        Set<String> groups = new LinkedHashSet<>();
        for (String role : realmRoles(claims)) {
            camundaGroupOfRole(role, centers).ifPresent(groups::add);
        }
        for (String path : strings(claims.get(GROUPS_CLAIM))) {
            camundaGroupOfPath(path, centers).ifPresent(groups::add);
        }
        return groups.stream().map(Groups::authority).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** Whether {@code group} is one of the Camunda groups this mapping hands out. */
    boolean isCamundaGroup(String group) {
        return camundaGroupOfRole(group, centerCodes.get()).isPresent();
    }

    static Optional<String> camundaGroupOfRole(String role, Collection<String> centers) {
        if (FIXED_GROUPS.contains(role)) {
            return Optional.of(role);
        }
        for (String center : centers) {
            if (role.equals(Groups.staffOf(center)) || role.equals(Groups.supervisorOf(center))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** {@code /camunda-admin} and the like, or {@code /<CENTER>/staff} and {@code /<CENTER>/supervisor}. */
    static Optional<String> camundaGroupOfPath(String path, Collection<String> centers) {
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
        if (parts.length == 1 && FIXED_GROUPS.contains(parts[0])) {
            return Optional.of(parts[0]);
        }
        if (parts.length == 2 && centers.contains(parts[0])) {
            if (STAFF.equals(parts[1])) {
                return Optional.of(Groups.staffOf(parts[0]));
            }
            if (SUPERVISOR.equals(parts[1])) {
                return Optional.of(Groups.supervisorOf(parts[0]));
            }
        }
        return Optional.empty();
    }

    private static List<String> realmRoles(Map<String, Object> claims) {
        return claims.get("realm_access") instanceof Map<?, ?> realmAccess ? strings(realmAccess.get("roles")) : List.of();
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof Collection<?> values)) {
            return List.of();
        }
        return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
