package cn.hlj.remoteeval.crossprovince;

/**
 * A partner's A/V material for one of its sessions of a tender arrived through the exchange (read it
 * with {@link PartnerSessions#materialOf}). Published in the transaction that keeps it.
 */
public record PartnerMaterialArrived(String tenderId, String sessionRef) {
}
