package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import cn.hlj.remoteeval.security.Groups;

/**
 * A login through Keycloak keeps a tenderer account's binding from the token's claim, as an
 * operator's binding is kept, so that the account is then answered the same; a token without the
 * claim leaves the operator's binding alone; nobody but a tenderer account is bound. A request's own
 * token names its tenderer even before it is kept.
 */
class KeycloakUserProvisioningUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private final String user = "tenderer" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aTokensTendererClaimBindsATendererAccountAtLoginLikeAnOperatorsBinding() {
        EngineTendererAccounts accounts = accounts(null);

        provisioning(accounts).provision(user, Map.of("tenderer_name", " 某招标人有限公司 "), List.of(Groups.TENDERER));

        assertThat(accounts.tendererOf(user)).hasValue("某招标人有限公司");
        assertThat(accounts.isTendererAccount(user)).isTrue();
    }

    @Test
    void withoutTheClaimAnOperatorsBindingStaysAndWithItTheClaimWins() {
        EngineTendererAccounts accounts = accounts(null);
        KeycloakUserProvisioning provisioning = provisioning(accounts);
        provisioning.provision(user, Map.of(), List.of(Groups.TENDERER));
        accounts.bind(user, "运维绑定的招标人");

        provisioning.provision(user, Map.of("tenderer_name", "  "), List.of(Groups.TENDERER));
        assertThat(accounts.tendererOf(user)).hasValue("运维绑定的招标人");

        provisioning.provision(user, Map.of("tenderer_name", "令牌中的招标人"), List.of(Groups.TENDERER));
        assertThat(accounts.tendererOf(user)).hasValue("令牌中的招标人");
    }

    @Test
    void theClaimBindsNobodyButATendererAccountAndItsNameIsConfigurable() {
        EngineTendererAccounts accounts = accounts("org_name");

        provisioning(accounts).provision(user, Map.of("org_name", "某招标人", "tenderer_name", "别的"), List.of(Groups.DRC));
        assertThat(accounts.tendererOf(user)).isEmpty();

        provisioning(accounts).provision(user, Map.of("org_name", "某招标人", "tenderer_name", "别的"),
                List.of(Groups.TENDERER));
        assertThat(accounts.tendererOf(user)).hasValue("某招标人");
    }

    @Test
    void aBearerTokenOfTheTendererAccountNamesItsTendererForItsOwnRequestsOnly() {
        EngineTendererAccounts accounts = accounts(null);
        accounts.bind(user, "运维绑定的招标人");
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").claim("preferred_username", user)
                .claim("tenderer_name", "令牌中的招标人").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();

        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("GROUP_tenderer")), user));
        assertThat(accounts.tendererOf(user)).hasValue("令牌中的招标人");
        assertThat(accounts.tendererOf("someone-else")).isEmpty();

        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("GROUP_staff-HRB")), user));
        assertThat(accounts.tendererOf(user)).hasValue("运维绑定的招标人");
    }

    private static IdentityService identity() {
        return engine.getProcessEngine().getIdentityService();
    }

    private static EngineTendererAccounts accounts(String claim) {
        return new EngineTendererAccounts(identity(), claim);
    }

    private static KeycloakUserProvisioning provisioning(EngineTendererAccounts accounts) {
        return new KeycloakUserProvisioning(identity(), group -> true, accounts);
    }
}
