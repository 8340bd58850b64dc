package cn.hlj.remoteeval.crossprovince.hosting;

/**
 * The partner accepted the session offered for its tender: the hosting stands, and its evaluation day
 * becomes the hosting center's duties (process hosted-session). Published in the handler's transaction.
 */
record HostingAccepted(String hostingId) {
}
