package cn.hlj.remoteeval.crossprovince.hosting;

/** The partner cancelled a hosting whose evaluation day had not passed: its duties here end with it. */
record HostingCancelledByPartner(String hostingId) {
}
