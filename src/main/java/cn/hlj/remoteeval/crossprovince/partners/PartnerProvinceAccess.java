package cn.hlj.remoteeval.crossprovince.partners;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.internal.Provinces;
import cn.hlj.remoteeval.crossprovince.internal.ProvincialCenterAccess;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.security.Groups;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * The partner register is kept by the provincial center (policy 十) and followed by the DRC, which
 * receives the monthly report: the center's staff and the operators change it; they and the DRC read it.
 */
@Component
class PartnerProvinceAccess {

    private final CurrentActor actor;
    private final ProvincialCenterAccess provincialCenter;

    PartnerProvinceAccess(CurrentActor actor, ProvincialCenterAccess provincialCenter) {
        this.actor = actor;
        this.provincialCenter = provincialCenter;
    }

    /** The acting user's id, once they may change the register. */
    String requireKeeper() {
        return provincialCenter.require();
    }

    void requireReader() {
        if (!actor.isOperator() && !actor.isStaffOf(Provinces.PROVINCIAL_CENTER) && !isDrc()) {
            throw ApiProblemException.forbidden("合作省份情况仅供省公共资源交易中心工作人员、省发展改革委和系统运维人员查看。");
        }
    }

    // CurrentActor has no DRC role check yet; read the authority the same way it does.
    private static boolean isDrc() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .anyMatch(a -> Groups.authority(Groups.DRC).equals(a.getAuthority()));
    }
}
