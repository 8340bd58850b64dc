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

    private final IdentityService identity;
    private final AccountCenters centers;

    DemoAccounts(IdentityService identity, AccountCenters centers) {
        this.identity = identity;
        this.centers = centers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        poolAdministrator();
        if (identity.createUserQuery().userId("demo").count() > 0) {
            return;
        }
        group(Groups.OPERATOR, "系统运维", "SYSTEM");
        user("demo", "演示", "运维", Groups.OPERATOR);
        List<AccountCenters.Center> all = centers.centers();
        for (AccountCenters.Center center : all) {
            String code = center.code();
            String lower = code.toLowerCase();
            group(Groups.staffOf(code), center.name() + "工作人员", "WORKFLOW");
            user("staff-" + lower, center.name(), "工作人员", Groups.staffOf(code));
            group(Groups.supervisorOf(code), center.name() + "行政监督", "WORKFLOW");
            user("supervisor-" + lower, center.name(), "行政监督", Groups.supervisorOf(code));
        }
        group(Groups.DRC, "省发展改革委", "WORKFLOW");
        user("drc", "省发展改革委", "联络员", Groups.DRC);
        group(Groups.TENDERER, "招标人", "WORKFLOW");
        user("tenderer", "演示", "招标人", Groups.TENDERER);
        log.info("Demo accounts created: operator, staff and supervisor of {} centers, DRC and tenderer", all.size());
    }

    /**
     * The expert pool's administrator, the only role that sees experts' personal data. Checked on
     * its own, so that a demo database seeded before the role existed gets it too.
     */
    private void poolAdministrator() {
        if (identity.createUserQuery().userId(POOL_ADMIN_USER).count() > 0) {
            return;
        }
        if (identity.createGroupQuery().groupId(Groups.POOL_ADMIN).count() == 0) {
            group(Groups.POOL_ADMIN, "专家库管理员", "SYSTEM");
        }
        user(POOL_ADMIN_USER, "专家库", "管理员", Groups.POOL_ADMIN);
        log.info("Demo account created: expert pool administrator");
    }

    private void group(String id, String name, String type) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    private void user(String id, String firstName, String lastName, String groupId) {
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(id);
        identity.saveUser(user);
        identity.createMembership(id, groupId);
    }
}
