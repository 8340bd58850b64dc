package cn.hlj.remoteeval.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.security.Groups;
import cn.hlj.remoteeval.security.StaffStartableProcess;

/**
 * The engine authorizations every group holds, created at start in every profile (nobody grants
 * them by hand in Admin): operators everything; staff, supervisors and the DRC Tasklist, the saved
 * filters and the process models' names; staff the start of the processes declared
 * {@link StaffStartableProcess}. Tasks and process instances are granted one by one as the
 * processes create them ({@link TaskParticipants}); nothing else is visible to anybody else.
 * Idempotent: a grant that exists is left as it is. Nodes that start together take turns (a row lock
 * in {@code security_start_lock}): each would otherwise create or update the same filters and grants,
 * and the later commit would fail its node's start.
 */
@Component
@Order(0)
class EngineAuthorizations implements ApplicationRunner {

    static final String TASKLIST = "tasklist";
    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    private final AuthorizationService authorizations;
    private final AccountCenters centers;
    private final TaskFilters filters;
    private final List<StaffStartableProcess> staffStartable;
    private final JdbcClient jdbc;

    EngineAuthorizations(AuthorizationService authorizations, AccountCenters centers, TaskFilters filters,
            List<StaffStartableProcess> staffStartable, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.authorizations = authorizations;
        this.centers = centers;
        this.filters = filters;
        this.staffStartable = staffStartable;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT id FROM security_start_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        for (Resource resource : Resources.values()) {
            grant(authorizations, Groups.OPERATOR, resource, Authorization.ANY, Permissions.ALL);
        }
        List<String> filterIds = filters.ensureSavedFilters();
        for (String group : taskWorkers()) {
            grant(authorizations, group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            // Tasklist shows each task's process by name; the models themselves are no secret.
            grant(authorizations, group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            for (String filterId : filterIds) {
                grant(authorizations, group, Resources.FILTER, filterId, Permissions.READ);
            }
        }
        for (AccountCenters.Center center : centers.centers()) {
            String staff = Groups.staffOf(center.code());
            for (StaffStartableProcess process : staffStartable) {
                grant(authorizations, staff, Resources.PROCESS_DEFINITION, process.processDefinitionKey(),
                        Permissions.READ, Permissions.CREATE_INSTANCE);
                grant(authorizations, staff, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
            }
        }
        log.info("Engine authorizations in place for {} groups and {} saved filters", taskWorkers().size() + 1,
                filterIds.size());
    }

    /** The groups that work from Tasklist: staff and supervisors of every center, and the DRC. */
    List<String> taskWorkers() {
        List<String> groups = new ArrayList<>();
        for (AccountCenters.Center center : centers.centers()) {
            groups.add(Groups.staffOf(center.code()));
            groups.add(Groups.supervisorOf(center.code()));
        }
        groups.add(Groups.DRC);
        return groups;
    }

    /** Grants the permissions to the group unless it holds them already; answers whether it changed anything. */
    static boolean grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
            Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId)
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        boolean changed = existing == null;
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
        return changed;
    }
}
