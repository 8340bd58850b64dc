package cn.hlj.remoteeval.draw.internal;

/** A candidate an exclusion rule removed before an expert draw, with the recorded reason (Chinese, no personal data). */
record Exclusion(String expertRef, ExclusionRule rule, String reason) {
}
