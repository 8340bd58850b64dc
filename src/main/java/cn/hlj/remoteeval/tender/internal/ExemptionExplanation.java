package cn.hlj.remoteeval.tender.internal;

import java.time.Instant;
import java.time.LocalDate;

/** The tenderer's written explanation filed with the supervisor, and who recorded it when. */
record ExemptionExplanation(String text, LocalDate submittedOn, String filedBy, Instant filedAt) {
}
