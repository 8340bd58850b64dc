package cn.hlj.remoteeval.expert.internal;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;

/** Experts' personal data and the pool's administration are for the pool administrators (pool-admin) only. */
@Component
class ExpertAccess {

    private final CurrentActor actor;

    ExpertAccess(CurrentActor actor) {
        this.actor = actor;
    }

    String userId() {
        return actor.userId();
    }

    void requirePoolAdmin() {
        if (!actor.isPoolAdmin()) {
            throw ApiProblemException.forbidden("专家库仅限专家库管理员（pool-admin）管理和查看。");
        }
    }
}
