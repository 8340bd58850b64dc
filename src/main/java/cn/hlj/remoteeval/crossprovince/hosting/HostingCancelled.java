package cn.hlj.remoteeval.crossprovince.hosting;

/**
 * A hosting ended before its evaluation day: cancelled by the partner, by the hosting center's staff, or
 * because the partner's new slot cannot be hosted here. Its duties here end with it.
 */
record HostingCancelled(String hostingId) {
}
