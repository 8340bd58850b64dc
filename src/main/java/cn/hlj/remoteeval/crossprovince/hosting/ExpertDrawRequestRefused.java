package cn.hlj.remoteeval.crossprovince.hosting;

/**
 * A partner's expert draw request this province does not take, with the reason (Chinese) the operators see on
 * the dead letter. Nothing of it was kept.
 */
class ExpertDrawRequestRefused extends RuntimeException {

    ExpertDrawRequestRefused(String reason) {
        super(reason);
    }
}
