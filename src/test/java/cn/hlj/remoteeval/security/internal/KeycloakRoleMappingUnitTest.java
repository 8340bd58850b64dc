package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRoleMappingUnitTest {

    private final KeycloakRoleMapping mapping = new KeycloakRoleMapping(() -> Set.of("HRB", "QQHR", "PROV", "DXAL"));

    @Test
    void mapsRealmRolesThatAreCamundaGroupsToGroupAuthorities() {
        AbstractAuthenticationToken token = mapping.convert(jwt(Map.of(
                "preferred_username", "staff-hrb",
                "realm_access", Map.of("roles", List.of("staff-HRB", "supervisor-DXAL", "camunda-admin", "pool-admin",
                        "drc", "tenderer")))));

        assertThat(names(token)).containsExactlyInAnyOrder("GROUP_staff-HRB", "GROUP_supervisor-DXAL",
                "GROUP_camunda-admin", "GROUP_pool-admin", "GROUP_drc", "GROUP_tenderer");
    }

    @Test
    void theUserIsNamedByPreferredUsernameNotBySubject() {
        AbstractAuthenticationToken token = mapping.convert(jwt(Map.of(
                "sub", "b8c96803-2508-48f2-b7c1-9af4d3d405bd", "preferred_username", "supervisor-hrb")));

        assertThat(token.getName()).isEqualTo("supervisor-hrb");
    }

    @Test
    void ignoresRolesThatAreNoCamundaGroup() {
        AbstractAuthenticationToken token = mapping.convert(jwt(Map.of(
                "preferred_username", "someone",
                "realm_access", Map.of("roles", List.of("offline_access", "uma_authorization", "default-roles-remote-eval",
                        "admin", "staff-XYZ", "staff-hrb", "supervisor-", "staff-HRB-extra", "Camunda-Admin")))));

        assertThat(token.getAuthorities()).isEmpty();
    }

    @Test
    void mapsGroupPathsOfCentersAndTopLevelGroups() {
        AbstractAuthenticationToken token = mapping.convert(jwt(Map.of(
                "preferred_username", "x",
                "groups", List.of("/QQHR/staff", "/PROV/supervisor", "/drc", "/HRB/cleaners", "/XYZ/staff", "/a/b/c",
                        "/HRB", "staff"))));

        assertThat(names(token)).containsExactlyInAnyOrder("GROUP_staff-QQHR", "GROUP_supervisor-PROV", "GROUP_drc");
    }

    @Test
    void aRoleGivenTwiceIsOneAuthority() {
        AbstractAuthenticationToken token = mapping.convert(jwt(Map.of(
                "preferred_username", "staff-hrb",
                "realm_access", Map.of("roles", List.of("staff-HRB")),
                "groups", List.of("/HRB/staff"))));

        assertThat(names(token)).containsExactly("GROUP_staff-HRB");
    }

    @Test
    void malformedClaimsGiveNoAuthorities() {
        AbstractAuthenticationToken token = mapping.convert(jwt(Map.of(
                "preferred_username", "x", "realm_access", "staff-HRB", "groups", Map.of("a", "b"))));

        assertThat(token.getAuthorities()).isEmpty();
    }

    @Test
    void aTokenWithoutPreferredUsernameAuthenticatesNobody() {
        assertThatThrownBy(() -> mapping.convert(jwt(Map.of("sub", "abc",
                "realm_access", Map.of("roles", List.of("camunda-admin"))))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void aCenterAddedLaterIsKnownOnceTheSupplierKnowsIt() {
        AtomicReference<Set<String>> centers = new AtomicReference<>(Set.of("HRB"));
        KeycloakRoleMapping growing = new KeycloakRoleMapping(centers::get);
        Map<String, Object> claims = Map.of("preferred_username", "x", "realm_access", Map.of("roles", List.of("staff-NEW")));

        assertThat(growing.authorities(claims)).isEmpty();
        centers.set(Set.of("HRB", "NEW"));
        assertThat(growing.authorities(claims)).extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_staff-NEW");
    }

    private static List<String> names(AbstractAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256")
                .issuedAt(Instant.parse("2026-11-25T00:00:00Z")).expiresAt(Instant.parse("2026-11-25T00:05:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
