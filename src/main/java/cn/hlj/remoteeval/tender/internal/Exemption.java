package cn.hlj.remoteeval.tender.internal;

import cn.hlj.remoteeval.scope.ExemptionReason;

/** The tenderer's declaration that the tender will not be evaluated remotely. */
record Exemption(ExemptionReason reason, String detail) {
}
