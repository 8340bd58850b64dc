package cn.hlj.remoteeval.evaluation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Stands in for the e-signature service: the receipt is a hash of what was signed, by whom and
 * when, so that it is deterministic and can be checked again from the signature record.
 */
@Component
class LocalElectronicSignatures implements ElectronicSignatures {

    static final String PREFIX = "LOCAL-";

    @Override
    public String sign(String documentRef, int seat, String expertRef, Instant at) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha256.digest((documentRef + "|" + seat + "|" + expertRef + "|" + at)
                    .getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
