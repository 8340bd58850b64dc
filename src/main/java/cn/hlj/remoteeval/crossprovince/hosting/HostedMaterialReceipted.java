package cn.hlj.remoteeval.crossprovince.hosting;

/** The partner receipted a hosted session's A/V material (AV_HANDOVER_RECEIPT): the hosted session's process may end. */
record HostedMaterialReceipted(String hostingId) {
}
