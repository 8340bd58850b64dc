package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.hlj.remoteeval.security.VenueSessionHosting;

class EngineIdentityUnitTest {

    private final Set<Set<String>> asked = new HashSet<>();
    private final VenueSessionHosting hosting = centers -> {
        asked.add(centers);
        return centers.contains("QQHR") ? Set.of("RS-AAAAAAAA", "RS-BBBBBBBB") : Set.of();
    };

    @Test
    void aHostingCentersStaffHoldTheirSessionsGroupsBesideTheirOwn() {
        EngineIdentity identity = EngineIdentity.of(user("wang.fang", "GROUP_staff-QQHR"), hosting);

        assertThat(identity.userId()).isEqualTo("wang.fang");
        assertThat(identity.groupIds()).containsExactlyInAnyOrder("staff-QQHR", "venue-RS-AAAAAAAA", "venue-RS-BBBBBBBB");
    }

    @Test
    void supervisorsAndOtherRolesHoldNoSessionGroup() {
        EngineIdentity identity = EngineIdentity.of(user("li.qiang", "GROUP_supervisor-QQHR", "GROUP_drc", "ROLE_USER"),
                hosting);

        assertThat(identity.groupIds()).containsExactlyInAnyOrder("supervisor-QQHR", "drc");
        assertThat(asked).containsExactly(Set.of());
    }

    @Test
    void aSessionGroupNeverComesFromTheAuthenticationItself() {
        EngineIdentity identity = EngineIdentity.of(user("intruder", "GROUP_staff-MDJ", "GROUP_venue-RS-AAAAAAAA"), hosting);

        assertThat(identity.groupIds()).containsExactly("staff-MDJ");
    }

    private static UsernamePasswordAuthenticationToken user(String name, String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(authorities).stream().map(SimpleGrantedAuthority::new).toList());
    }
}
