package cn.hlj.remoteeval.anchor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The statement's canonical text and hash, byte for byte as src/docs/architecture/published-heads.md gives them. */
class HeadStatementUnitTest {

    static final HeadStatement STATEMENT = new HeadStatement(LocalDate.of(2031, 6, 1), "HL", 42, "ab".repeat(32), 7,
            "cd".repeat(32), Instant.parse("2031-05-31T18:30:00.987654Z"));

    /** The document's example, written out rather than built by the code under test. */
    static final String TEXT = "auditHash=" + "cd".repeat(32) + "\n"
            + "auditSealNo=7\n"
            + "date=2031-06-01\n"
            + "drawHash=" + "ab".repeat(32) + "\n"
            + "drawSeq=42\n"
            + "format=published-heads/v1\n"
            + "province=HL\n"
            + "takenAt=2031-05-31T18:30:00Z\n";

    @Test
    void theCanonicalTextIsTheDocumentedSortedLinesInWholeSecondsUtc() throws Exception {
        assertThat(STATEMENT.canonicalText()).isEqualTo(TEXT);
        assertThat(STATEMENT.bytes()).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(STATEMENT.takenAt()).isEqualTo(Instant.parse("2031-05-31T18:30:00Z"));
        assertThat(STATEMENT.sha256Hex()).isEqualTo(HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(TEXT.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("fd337e794325a6db4a7b33bbc9088a7d4558a0e8f32a5322bfdd23155b7e7587");
    }

    @Test
    void everyFieldChangesTheText() {
        assertThat(new HeadStatement(STATEMENT.date(), "HL", 43, STATEMENT.drawHash(), 7, STATEMENT.auditHash(),
                STATEMENT.takenAt()).canonicalText()).isNotEqualTo(TEXT);
        assertThat(new HeadStatement(STATEMENT.date().plusDays(1), "HL", 42, STATEMENT.drawHash(), 7, STATEMENT.auditHash(),
                STATEMENT.takenAt()).canonicalText()).isNotEqualTo(TEXT);
        assertThat(new HeadStatement(STATEMENT.date(), "HL", 42, STATEMENT.drawHash(), 8, STATEMENT.auditHash(),
                STATEMENT.takenAt()).canonicalText()).isNotEqualTo(TEXT);
    }
}
