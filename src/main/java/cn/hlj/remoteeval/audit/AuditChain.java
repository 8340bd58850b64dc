package cn.hlj.remoteeval.audit;

/** The hash chain over the audit log, as the operator checks it. */
public interface AuditChain {

    /**
     * Seals what is committed and not yet sealed, then walks the whole chain. Safe to call beside
     * appends: they never wait for it.
     */
    AuditChainVerification verify();
}
