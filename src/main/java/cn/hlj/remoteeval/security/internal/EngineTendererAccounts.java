package cn.hlj.remoteeval.security.internal;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.Groups;
import cn.hlj.remoteeval.security.TendererAccounts;

/**
 * The tenderer an account speaks for, kept as the user's info {@value #KEY} in the engine's identity
 * store, where the account itself lives (in the keycloak profile too, where users are mirrored there).
 * Under Keycloak the caller's own token may name it ({@link TendererClaim}: a claim wins over what is
 * kept; at each login it is also kept, so that everybody else asking about the account sees the same).
 */
@Component
class EngineTendererAccounts implements TendererAccounts {

    static final String KEY = "tenderer";

    private final IdentityService identity;
    private final TendererClaim claim;

    EngineTendererAccounts(IdentityService identity,
            @Value("${remote-eval.keycloak.tenderer-claim:" + TendererClaim.DEFAULT + "}") String claim) {
        this.identity = identity;
        this.claim = new TendererClaim(claim);
    }

    @Override
    public Optional<String> tendererOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return claim.ofCaller(userId).or(() -> kept(userId));
    }

    /** The binding kept in the identity store, whoever made it (an operator or a login through Keycloak). */
    Optional<String> kept(String userId) {
        String name = identity.getUserInfo(userId, KEY);
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
    }

    @Override
    public boolean isTendererAccount(String userId) {
        return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(Groups.TENDERER).count() == 1;
    }

    @Override
    public void bind(String userId, String tendererName) {
        identity.setUserInfo(userId, KEY, tendererName.strip());
    }

    TendererClaim claim() {
        return claim;
    }
}
