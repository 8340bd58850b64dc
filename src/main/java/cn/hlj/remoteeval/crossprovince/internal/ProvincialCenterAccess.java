package cn.hlj.remoteeval.crossprovince.internal;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Cross-province evaluation is arranged by the provincial center through the national dispatch
 * system (policy 十), so only its staff and the operators act here; a city center's staff do not,
 * not even the main venue's.
 */
@Component
public class ProvincialCenterAccess {

    private final CurrentActor actor;

    ProvincialCenterAccess(CurrentActor actor) {
        this.actor = actor;
    }

    /** The acting user's id, once they are allowed. */
    public String require() {
        if (!actor.isOperator() && !actor.isStaffOf(Provinces.PROVINCIAL_CENTER)) {
            throw ApiProblemException.forbidden("跨省远程异地评标由省公共资源交易中心统筹安排，只有省中心工作人员可执行此操作。");
        }
        return actor.userId();
    }
}
