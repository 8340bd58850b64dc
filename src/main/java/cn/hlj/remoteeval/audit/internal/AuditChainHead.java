package cn.hlj.remoteeval.audit.internal;

/** The one row the sealer locks and extends: the last seal number given and its entry hash. */
record AuditChainHead(long sealNo, String hash) {
}
