package cn.hlj.remoteeval.security.internal;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Who is signed in and what the policy lets them do, for the workbench's pages to show each person
 * only the pages that are theirs. The API itself still decides every call.
 */
@RestController
@Tag(name = "当前用户")
class CurrentPersonController {

    private final CurrentActor actor;
    private final AccountCenters centers;
    private final IdentityService identity;

    CurrentPersonController(CurrentActor actor, AccountCenters centers, IdentityService identity) {
        this.actor = actor;
        this.centers = centers;
        this.identity = identity;
    }

    record CurrentPerson(String userId, String name, boolean operator, boolean drc, boolean poolAdmin,
            boolean tenderer, List<AccountCenters.Center> staffOf, List<AccountCenters.Center> supervisorOf) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前登录用户及其角色", description = "工作台据此显示本人可用的页面；各接口仍各自校验权限。")
    CurrentPerson me() {
        List<AccountCenters.Center> all = centers.centers();
        return new CurrentPerson(actor.userId(), displayName(actor.userId()), actor.isOperator(), actor.isDrc(),
                actor.isPoolAdmin(), actor.isTenderer(),
                all.stream().filter(center -> actor.isStaffOf(center.code())).toList(),
                all.stream().filter(center -> actor.isSupervisorOf(center.code())).toList());
    }

    private String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
