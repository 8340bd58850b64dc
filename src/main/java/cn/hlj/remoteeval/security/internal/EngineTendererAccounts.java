package cn.hlj.remoteeval.security.internal;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.Groups;
import cn.hlj.remoteeval.security.TendererAccounts;

/**
 * The tenderer an account speaks for, kept as the user's info {@value #KEY} in the engine's identity
 * store, where the account itself lives (in the keycloak profile too, where users are mirrored there).
 */
@Component
class EngineTendererAccounts implements TendererAccounts {

    static final String KEY = "tenderer";

    private final IdentityService identity;

    EngineTendererAccounts(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<String> tendererOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
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
}
