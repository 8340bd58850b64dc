package cn.hlj.remoteeval.handover.internal;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.handover.HandoverProcesses;
import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.security.Groups;

/**
 * Every center's staff may start 报送违法违规线索 from Tasklist (any center can be a sub-venue);
 * the start delegate then checks the session is their own. Granted once per group, at start.
 */
@Component
class ClueReportAuthorizations implements ApplicationRunner {

    private final AuthorizationService authorizations;
    private final AccountCenters centers;

    ClueReportAuthorizations(AuthorizationService authorizations, AccountCenters centers) {
        this.authorizations = authorizations;
        this.centers = centers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (AccountCenters.Center center : centers.centers()) {
            String staff = Groups.staffOf(center.code());
            grant(staff, Resources.PROCESS_DEFINITION, HandoverProcesses.CLUE_REPORT, Permissions.READ,
                    Permissions.CREATE_INSTANCE);
            grant(staff, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
