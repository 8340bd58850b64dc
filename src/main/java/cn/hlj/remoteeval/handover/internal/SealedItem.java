package cn.hlj.remoteeval.handover.internal;

/** One file of a hand-over and the SHA-256 (lower-case hex) the receiver checks it against. */
record SealedItem(int no, String fileName, String sha256) {
}
