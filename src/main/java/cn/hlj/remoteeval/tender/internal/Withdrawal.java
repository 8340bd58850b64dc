package cn.hlj.remoteeval.tender.internal;

import java.time.Instant;

/** Why, by whom and when a tender section was withdrawn. */
record Withdrawal(String reason, String withdrawnBy, Instant withdrawnAt) {
}
