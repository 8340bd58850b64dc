package cn.hlj.remoteeval.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The entry hash against audit-chain-v1.md, computed here from the document, not by the production code. */
class AuditHashUnitTest {

    static final String PREVIOUS = "ab".repeat(32);

    /** The document's definition written out by hand: sorted keys, one escaped line each, UTF-8, SHA-256, hex. */
    static String documentedHash(long sealNo, String prevHash, String occurredAt, String actor, String action,
            String subjectType, String subjectId, String detail, long id) throws Exception {
        String text = "action=" + action + "\n"
                + "actor=" + actor + "\n"
                + "detail=" + (detail == null ? "" : detail.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")) + "\n"
                + "id=" + id + "\n"
                + "occurred_at=" + occurredAt + "\n"
                + "prev_hash=" + prevHash + "\n"
                + "seal_no=" + sealNo + "\n"
                + "subject_id=" + subjectId + "\n"
                + "subject_type=" + subjectType + "\n";
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theEntryHashIsSha256OfTheSortedFieldLinesWithTheInstantInUtcMicroseconds() throws Exception {
        SealedEntry entry = new SealedEntry(42, 7, PREVIOUS, Instant.parse("2026-12-07T10:15:30.120Z"), "staff-hrb",
                "TENDER_REGISTERED", "TENDER", "T-1", "主场：哈尔滨", null);

        assertThat(AuditHash.canonicalText(entry)).isEqualTo("action=TENDER_REGISTERED\nactor=staff-hrb\n"
                + "detail=主场：哈尔滨\nid=42\noccurred_at=2026-12-07T10:15:30.120000Z\nprev_hash=" + PREVIOUS
                + "\nseal_no=7\nsubject_id=T-1\nsubject_type=TENDER\n");
        assertThat(AuditHash.entryHash(entry)).isEqualTo(documentedHash(7, PREVIOUS, "2026-12-07T10:15:30.120000Z",
                "staff-hrb", "TENDER_REGISTERED", "TENDER", "T-1", "主场：哈尔滨", 42));
        // The fixed vector, so that a change to the definition cannot pass by changing the test helper along.
        assertThat(AuditHash.entryHash(entry)).isEqualTo(FIXED_VECTOR);
    }

    static final String FIXED_VECTOR = "ee29f9a819388b8cf93c3cdbf218c24679bea1877600239621dedd62f696d392";

    @Test
    void aMissingDetailIsTheEmptyValueAndLineBreaksInADetailCannotForgeAnotherField() throws Exception {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        SealedEntry withoutDetail = new SealedEntry(1, 1, AuditHash.GENESIS, at, "a", "b", "c", "d", null, null);
        assertThat(AuditHash.entryHash(withoutDetail)).isEqualTo(
                documentedHash(1, AuditHash.GENESIS, "2026-01-01T00:00:00.000000Z", "a", "b", "c", "d", "", 1));

        SealedEntry forging = new SealedEntry(1, 1, AuditHash.GENESIS, at, "a", "b", "c", "d", "x\nid=2", null);
        assertThat(AuditHash.canonicalText(forging)).contains("detail=x\\nid=2\nid=1\n");
        assertThat(AuditHash.entryHash(forging)).isNotEqualTo(
                AuditHash.entryHash(new SealedEntry(1, 1, AuditHash.GENESIS, at, "a", "b", "c", "d", "x", null)));
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        Instant at = Instant.parse("2026-01-01T00:00:00.000001Z");
        SealedEntry base = new SealedEntry(5, 3, PREVIOUS, at, "a", "b", "c", "d", "e", null);
        String hash = AuditHash.entryHash(base);
        assertThat(AuditHash.entryHash(new SealedEntry(6, 3, PREVIOUS, at, "a", "b", "c", "d", "e", null))).isNotEqualTo(hash);
        assertThat(AuditHash.entryHash(new SealedEntry(5, 4, PREVIOUS, at, "a", "b", "c", "d", "e", null))).isNotEqualTo(hash);
        assertThat(AuditHash.entryHash(new SealedEntry(5, 3, AuditHash.GENESIS, at, "a", "b", "c", "d", "e", null))).isNotEqualTo(hash);
        assertThat(AuditHash.entryHash(new SealedEntry(5, 3, PREVIOUS, at.plusNanos(1000), "a", "b", "c", "d", "e", null)))
                .isNotEqualTo(hash);
        assertThat(AuditHash.entryHash(new SealedEntry(5, 3, PREVIOUS, at, "a", "b", "c", "d", "E", null))).isNotEqualTo(hash);
    }
}
