package cn.hlj.remoteeval.venue.internal;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Who may see and change what in the venue module. A center's own staff maintain its directory;
 * the provincial center ({@value #PROVINCE}) keeps the province-wide 共享目录.
 */
@Component
class VenueAccess {

    static final String PROVINCE = "PROV";

    private final CurrentActor actor;
    private final TradingCenters centers;

    VenueAccess(CurrentActor actor, TradingCenters centers) {
        this.actor = actor;
        this.centers = centers;
    }

    String userId() {
        return actor.userId();
    }

    /** 404 for a center that does not exist, before any permission is looked at. */
    void requireCenter(String centerCode) {
        if (!centers.exists(centerCode)) {
            throw ApiProblemException.notFound("交易中心不存在：" + centerCode);
        }
    }

    void requireDirectoryReader(String centerCode) {
        requireCenter(centerCode);
        if (!actor.isOperator() && !actor.isStaffOf(centerCode) && !actor.isSupervisorOf(centerCode)
                && !actor.isStaffOf(PROVINCE)) {
            throw ApiProblemException.forbidden("只有本中心（" + centerCode + "）的工作人员、行政监督部门或省中心工作人员可以查看该中心的工位。");
        }
    }

    void requireDirectoryMaintainer(String centerCode) {
        requireCenter(centerCode);
        if (!actor.isOperator() && !actor.isStaffOf(centerCode)) {
            throw ApiProblemException.forbidden("只有本中心（" + centerCode + "）的工作人员可以登记或维护该中心的工位。");
        }
    }

    void requireProvinceDirectoryReader() {
        if (!actor.isOperator() && !actor.isStaffOf(PROVINCE)) {
            throw ApiProblemException.forbidden("全省工位共享目录仅供省公共资源交易中心工作人员查看。");
        }
    }

    void requireCapacityReader() {
        if (!actor.isOperator() && !actor.isStaffOf(PROVINCE) && !actor.isSupervisorOf(PROVINCE)) {
            throw ApiProblemException.forbidden("跨省工位保障情况仅供省公共资源交易中心工作人员和行政监督部门查看。");
        }
    }

    void requireSessionReader(String centerCode) {
        requireCenter(centerCode);
        if (!actor.isOperator() && !actor.isStaffOf(centerCode) && !actor.isSupervisorOf(centerCode)) {
            throw ApiProblemException.forbidden("只有本中心（" + centerCode + "）的工作人员或行政监督部门可以查看本中心的评标场次。");
        }
    }
}
