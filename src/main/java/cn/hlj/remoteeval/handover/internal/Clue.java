package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A clue of wrongdoing as stored. The description is encrypted ({@code descriptionCipher}); the
 * reporting sub-venue appears by its session code only, and {@code reportedBy} is never shown.
 */
record Clue(String id, String tenderId, String sessionCode, ClueCategory category, LocalDate foundOn,
        String descriptionCipher, String reportedBy, Instant reportedAt, ClueState state, String receiptDeadlineId,
        String receivedBy, Instant receivedAt, String transferDeadlineId, TransferBody transferBody,
        LocalDate transferredOn, String referenceNumber, String transferRecordedBy, Instant transferRecordedAt) {
}
