package cn.hlj.remoteeval.draw.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reply code of an invitation SMS: the expert's answer carries it back. Random (60 bits), so
 * it can neither be guessed nor tell anything; only its SHA-256 is stored.
 */
final class ReplyCodes {

    /** Crockford's base32: no I, L, O or U, so that a code typed on a phone is not mistyped. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 12;
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}");

    private ReplyCodes() {
    }

    static String next(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static boolean isWellFormed(String code) {
        return code != null && FORMAT.matcher(code.strip().toUpperCase(Locale.ROOT)).matches();
    }

    static String hash(String code) {
        return Hashes.hex(Hashes.sha256(code.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)));
    }
}
