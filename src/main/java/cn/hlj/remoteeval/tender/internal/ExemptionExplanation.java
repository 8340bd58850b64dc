package cn.hlj.remoteeval.tender.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The tenderer's written explanation filed with the supervisor, who recorded it when, and the
 * supervisor's confirmation of receipt ({@code null} until given).
 */
record ExemptionExplanation(String text, LocalDate submittedOn, String filedBy, Instant filedAt,
        String acknowledgedBy, Instant acknowledgedAt) {

    ExemptionExplanation acknowledged(String by, Instant at) {
        return new ExemptionExplanation(text, submittedOn, filedBy, filedAt, by, at);
    }
}
