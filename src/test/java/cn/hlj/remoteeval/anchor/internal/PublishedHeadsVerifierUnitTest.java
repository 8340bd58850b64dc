package cn.hlj.remoteeval.anchor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.audit.AuditChainHeads;
import cn.hlj.remoteeval.draw.DrawChainHeads;
import cn.hlj.remoteeval.draw.PublishedHeadsVerification;
import cn.hlj.remoteeval.draw.PublishedHeadsVerification.Fault;
import cn.hlj.remoteeval.draw.PublishedHeadsVerification.Finding;

/** The comparison rules on stand-ins: each fault found at the published position, and nothing when all hold. */
class PublishedHeadsVerifierUnitTest {

    private final Map<Long, String> drawHashes = new HashMap<>();
    private final Map<Long, String> auditHashes = new HashMap<>();
    private final List<PublishedHead> published = new ArrayList<>();
    private final FakeSignature signature = new FakeSignature("04" + "11".repeat(64));

    private final PublishedHeadsVerifier verifier = new PublishedHeadsVerifier(new PublishedHeadStore(null) {
        @Override
        List<PublishedHead> all() {
            return published;
        }
    }, new DrawChainHeads() {
        @Override
        public Head head() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> recordHashAt(long seq) {
            return Optional.ofNullable(drawHashes.get(seq));
        }
    }, new AuditChainHeads() {
        @Override
        public Head sealAndReadHead() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> entryHashAt(long sealNo) {
            return Optional.ofNullable(auditHashes.get(sealNo));
        }
    }, signature);

    @Test
    void statementsWhoseHashesStillStandAreIntact() {
        drawHashes.put(3L, "a3".repeat(32));
        auditHashes.put(9L, "b9".repeat(32));
        published.add(signed(LocalDate.of(2031, 6, 1), 3, "a3".repeat(32), 9, "b9".repeat(32)));
        published.add(signed(LocalDate.of(2031, 6, 2), 0, "0".repeat(64), 0, "0".repeat(64)));

        PublishedHeadsVerification result = verifier.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.statements()).isEqualTo(2);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aChangedHashAMissingRecordAndAForgedStatementAreEachNamed() {
        drawHashes.put(3L, "ff".repeat(32));
        auditHashes.put(9L, "b9".repeat(32));
        published.add(signed(LocalDate.of(2031, 6, 1), 3, "a3".repeat(32), 9, "b9".repeat(32)));
        published.add(signed(LocalDate.of(2031, 6, 2), 5, "a5".repeat(32), 12, "bc".repeat(32)));
        PublishedHead genuine = signed(LocalDate.of(2031, 6, 3), 3, "a3".repeat(32), 9, "b9".repeat(32));
        published.add(new PublishedHead(new HeadStatement(genuine.statement().date(), "HL", 3, "ff".repeat(32), 9,
                "b9".repeat(32), genuine.statement().takenAt()), genuine.signature(), genuine.publicKey(),
                genuine.keyFingerprint(), null, genuine.publishedAt()));

        PublishedHeadsVerification result = verifier.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.findings()).extracting(Finding::date, Finding::fault, Finding::position).containsExactly(
                tuple(LocalDate.of(2031, 6, 1), Fault.DRAW_HASH_MISMATCH, 3L),
                tuple(LocalDate.of(2031, 6, 2), Fault.DRAW_RECORD_MISSING, 5L),
                tuple(LocalDate.of(2031, 6, 2), Fault.AUDIT_ENTRY_MISSING, 12L),
                tuple(LocalDate.of(2031, 6, 3), Fault.SIGNATURE_INVALID, null));
        assertThat(result.findings().get(0).problem()).contains("抽取记录链序号 3", "2031-06-01");
    }

    @Test
    void aStatementSignedWithAnotherKeyThanTheConfiguredOneIsForged() {
        auditHashes.put(1L, "b1".repeat(32));
        PublishedHead foreign = new FakeSignature("04" + "99".repeat(64)).publish(LocalDate.of(2031, 6, 1), 0,
                "0".repeat(64), 1, "b1".repeat(32));
        published.add(foreign);

        assertThat(verifier.verify().findings()).extracting(Finding::fault).containsExactly(Fault.SIGNATURE_INVALID);
    }

    private PublishedHead signed(LocalDate date, long drawSeq, String drawHash, long auditSealNo, String auditHash) {
        return signature.publish(date, drawSeq, drawHash, auditSealNo, auditHash);
    }

    /** Stands in for SM2: a keyed hash is enough to tell a statement changed or signed with another key. */
    private static final class FakeSignature implements HeadSigner {

        private final String key;

        FakeSignature(String key) {
            this.key = key;
        }

        PublishedHead publish(LocalDate date, long drawSeq, String drawHash, long auditSealNo, String auditHash) {
            HeadStatement statement = new HeadStatement(date, "HL", drawSeq, drawHash, auditSealNo, auditHash,
                    Instant.parse("2031-05-31T18:30:00Z"));
            Signed signed = sign(statement.bytes()).orElseThrow();
            return new PublishedHead(statement, signed.signature(), signed.publicKey(), signed.fingerprint(), null,
                    Instant.now());
        }

        @Override
        public String province() {
            return "HL";
        }

        @Override
        public Optional<Signed> sign(byte[] data) {
            return Optional.of(new Signed(keyed(key, data), key, keyed(key, new byte[0])));
        }

        @Override
        public boolean verifies(byte[] data, String signature) {
            return keyed(key, data).equals(signature);
        }

        @Override
        public Optional<String> fingerprint() {
            return Optional.of(keyed(key, new byte[0]));
        }

        private static String keyed(String key, byte[] data) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(key.getBytes(StandardCharsets.US_ASCII));
                return HexFormat.of().formatHex(sha.digest(data));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
