package cn.hlj.remoteeval.security.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors people who log in through Keycloak into Camunda's identity store: user id, name and
 * e-mail (never a password) and their memberships in the Camunda groups their token grants. The
 * webapps build a session only for a user their identity service knows, Tasklist and Cockpit show
 * people by these names, and Admin shows who holds which group. Keycloak stays the source of truth:
 * the engine takes a request's groups from its token, not from this copy, and the copy is brought
 * up to date at every login. So is a tenderer account's binding when the token names a tenderer
 * ({@link TendererClaim}); without the claim, the binding an operator made stays.
 */
final class KeycloakUserProvisioning {

    /**
     * Camunda's webapps send everybody to their first-administrator setup page while no user is
     * in {@code camunda-admin}. Under Keycloak nobody is, until the first operator logs in; this user
     * (no password, so it cannot log in) stands in for them.
     */
    static final String OPERATORS_PLACEHOLDER = "keycloak-operators";

    private static final Logger log = LoggerFactory.getLogger(KeycloakUserProvisioning.class);

    private final IdentityService identity;
    private final Predicate<String> managedGroup;
    private final EngineTendererAccounts tenderers;

    /** {@code managedGroup}: the Camunda groups Keycloak decides on; memberships in any other stay as they are. */
    KeycloakUserProvisioning(IdentityService identity, Predicate<String> managedGroup, EngineTendererAccounts tenderers) {
        this.identity = identity;
        this.managedGroup = managedGroup;
        this.tenderers = tenderers;
    }

    /** At start: so that the webapps never offer their setup page (see {@link #OPERATORS_PLACEHOLDER}). */
    void ensureOperatorsGroupHasAMember() {
        if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        saveUser(OPERATORS_PLACEHOLDER, "运维人员", "（统一身份认证）", null);
        syncGroups(OPERATORS_PLACEHOLDER, Set.of(Groups.CAMUNDA_ADMIN));
    }

    /** At a webapp login: the user as the ID token describes them, in exactly the given Camunda groups. */
    void provision(String userId, Map<String, Object> claims, Collection<String> groups) {
        saveUser(userId, text(claims.get("given_name")), text(claims.get("family_name")), text(claims.get("email")));
        syncGroups(userId, new LinkedHashSet<>(groups));
        if (groups.contains(cn.hlj.remoteeval.security.Groups.TENDERER)) {
            tenderers.claim().of(claims).filter(named -> !tenderers.kept(userId).equals(Optional.of(named)))
                    .ifPresent(named -> {
                        tenderers.bind(userId, named);
                        log.info("Tenderer binding of {} taken from its Keycloak token", userId);
                    });
        }
    }

    private void saveUser(String userId, String firstName, String lastName, String email) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        boolean created = user == null;
        if (created) {
            user = identity.newUser(userId);
        } else if (Objects.equals(user.getFirstName(), firstName) && Objects.equals(user.getLastName(), lastName)
                && Objects.equals(user.getEmail(), email)) {
            return;
        }
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        try {
            identity.saveUser(user);
        } catch (ProcessEngineException e) {
            // Another node created the same user in the same instant; theirs will do.
            if (!created || identity.createUserQuery().userId(userId).count() == 0) {
                throw e;
            }
        }
        if (created) {
            log.info("Camunda user {} created at its first login through Keycloak", userId);
        }
    }

    private void syncGroups(String userId, Set<String> granted) {
        Set<String> held = new LinkedHashSet<>();
        for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
            held.add(group.getId());
            if (!granted.contains(group.getId()) && managedGroup.test(group.getId())) {
                identity.deleteMembership(userId, group.getId());
            }
        }
        for (String groupId : granted) {
            if (held.contains(groupId)) {
                continue;
            }
            ensureGroup(groupId);
            try {
                identity.createMembership(userId, groupId);
            } catch (ProcessEngineException e) {
                if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                    throw e;
                }
            }
        }
    }

    private void ensureGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identity.newGroup(groupId);
        group.setName(groupId);
        group.setType(Groups.CAMUNDA_ADMIN.equals(groupId) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
        try {
            identity.saveGroup(group);
        } catch (ProcessEngineException e) {
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                throw e;
            }
        }
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
