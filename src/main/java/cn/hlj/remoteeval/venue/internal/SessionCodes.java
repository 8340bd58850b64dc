package cn.hlj.remoteeval.venue.internal;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Anonymous session codes (场次代码) under which a sub-venue sees its seats: random, so that
 * nothing in the code (order, time, tender) points at the tender or at the other venues.
 */
final class SessionCodes {

    /** Crockford's base32: no I, L, O or U, so a code read over the phone is not misheard. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final String PREFIX = "RS-";
    static final int LENGTH = 8;
    static final Pattern FORMAT = Pattern.compile("RS-[0-9A-HJKMNP-TV-Z]{8}");

    private final SecureRandom random;

    SessionCodes(SecureRandom random) {
        this.random = random;
    }

    String next() {
        StringBuilder code = new StringBuilder(PREFIX.length() + LENGTH).append(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static boolean isValid(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }
}
