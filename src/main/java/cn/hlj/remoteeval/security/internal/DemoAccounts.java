package cn.hlj.remoteeval.security.internal;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.security.Groups;

/**
 * The demo accounts of DESIGN.md §4, in Camunda's identity store: the operator, staff and a
 * supervisor per center, the DRC, a tenderer and the expert pool's administrator, each with
 * password equal to the user id; what they may do is granted to their groups by
 * {@link EngineAuthorizations} in every profile. Only where {@code remote-eval.demo-accounts.enabled} is true (the default profile). Idempotent.
 */
@Component
@ConditionalOnProperty(name = "remote-eval.demo-accounts.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    static final String POOL_ADMIN_USER = "pool-admin";
    /** The tenderer the demo account {@code tenderer} speaks for: it sees the tenders registered with this name. */
    static final String DEMO_TENDERER = "演示招标人有限公司";

    private final IdentityService identity;
    private final AccountCenters centers;

    DemoAccounts(IdentityService identity, AccountCenters centers) {
        this.identity = identity;
        this.centers = centers;
    }

    /**
     * Idempotent item by item, not all or nothing: the same database may have met the keycloak
     * profile first (which mirrors these users without a password) or gained a center since.
     */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = group(Groups.POOL_ADMIN, "专家库管理员", "SYSTEM")
                + user(POOL_ADMIN_USER, "专家库", "管理员", Groups.POOL_ADMIN)
                + group(Groups.OPERATOR, "系统运维", "SYSTEM")
                + user("demo", "演示", "运维", Groups.OPERATOR);
        List<AccountCenters.Center> all = centers.centers();
        for (AccountCenters.Center center : all) {
            String code = center.code();
            String lower = code.toLowerCase();
            created += group(Groups.staffOf(code), center.name() + "工作人员", "WORKFLOW")
                    + user("staff-" + lower, center.name(), "工作人员", Groups.staffOf(code))
                    + group(Groups.supervisorOf(code), center.name() + "行政监督", "WORKFLOW")
                    + user("supervisor-" + lower, center.name(), "行政监督", Groups.supervisorOf(code));
        }
        created += group(Groups.DRC, "省发展改革委", "WORKFLOW") + user("drc", "省发展改革委", "联络员", Groups.DRC)
                + group(Groups.TENDERER, "招标人", "WORKFLOW") + user("tenderer", "演示", "招标人", Groups.TENDERER);
        if (identity.getUserInfo("tenderer", EngineTendererAccounts.KEY) == null) {
            identity.setUserInfo("tenderer", EngineTendererAccounts.KEY, DEMO_TENDERER);
            created++;
        }
        if (created > 0) {
            log.info("Demo accounts: {} groups, users or passwords added (operator, pool administrator, staff and "
                    + "supervisor of {} centers, DRC, tenderer)", created, all.size());
        }
    }

    private int group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return 0;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
        return 1;
    }

    /** The demo user with password = id, in the group; a user without a password (mirrored from Keycloak) gets one. */
    private int user(String id, String firstName, String lastName, String groupId) {
        int changes = 0;
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null || user.getPassword() == null) {
            if (user == null) {
                user = identity.newUser(id);
                user.setFirstName(firstName);
                user.setLastName(lastName);
            }
            user.setPassword(id);
            identity.saveUser(user);
            changes++;
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
            changes++;
        }
        return changes;
    }
}
