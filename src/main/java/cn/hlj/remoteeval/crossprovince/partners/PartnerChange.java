package cn.hlj.remoteeval.crossprovince.partners;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a partner province, numbered from 1 per province. {@code effectiveOn} is the day it
 * took effect (what the targets count), {@code changedAt} when staff recorded it.
 */
record PartnerChange(int seq, PartnerState from, PartnerState to, LocalDate effectiveOn, String reason,
        String changedBy, Instant changedAt) {
}
