package cn.hlj.remoteeval.draw.internal.docverifier;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The supervisor's contribution of seed-derivation-v2 §2.3, written from the document alone with the JDK: the
 * commitment the supervisor's browser makes, the plan and contribution entries, and the check of §2.3 and §6
 * ({@code ENTROPY_INVALID}). It needs no configuration, so every documented chain check knows it.
 */
public final class DocSupervisor {

    /** §2.3: the source id. */
    public static final String ID = "supervisor";

    /** v1 §1: every hash in a record is 64 lower-case hex characters. */
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    /** §2.3 step 1: 16 random bytes as 32 lower-case hex characters. */
    private static final Pattern SALT = Pattern.compile("[0-9a-f]{32}");

    private DocSupervisor() {
    }

    /** §2.3 step 2: {@code hex(SHA256(UTF8(value + "\n" + salt)))}. */
    public static String commitment(String value, String salt) {
        return DocRecord.sha256Hex(value + "\n" + salt);
    }

    /** §2.3: the plan, {@code commitment}. */
    public static SortedMap<String, String> plan(String commitment) {
        return new TreeMap<>(Map.of("commitment", commitment));
    }

    /** §2.3: the contribution, {@code commitment}, {@code value}, {@code salt}, {@code revealedAt}. */
    public static SortedMap<String, String> contribution(String commitment, String value, String salt,
            String revealedAt) {
        return new TreeMap<>(Map.of("commitment", commitment, "value", value, "salt", salt, "revealedAt", revealedAt));
    }

    /**
     * §2.3 check 2: 1 to 64 UTF-16 code units; no control character (category Cc) anywhere; neither end white space
     * as {@link Character#isWhitespace} defines it (the document names it so; the no-break spaces are not).
     */
    public static boolean wellFormedValue(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.getType(value.charAt(i)) == Character.CONTROL) {
                return false;
            }
        }
        return !Character.isWhitespace(value.charAt(0)) && !Character.isWhitespace(value.charAt(value.length() - 1));
    }

    /** §2.3 step 1 and check 3: 32 characters {@code [0-9a-f]}. */
    public static boolean wellFormedSalt(String salt) {
        return salt != null && SALT.matcher(salt).matches();
    }

    /**
     * §2.3 "Check" and §6: the contribution's commitment is the planned one and 64 lower-case hex characters; value
     * and salt are well formed and hash to it; {@code revealedAt} reads as an instant not before the record's
     * {@code snapshotAt}. A plan or contribution with keys other than those of §2.3's table fails.
     */
    public static boolean valid(Map<String, String> plan, Map<String, String> contribution, Instant snapshotAt) {
        if (plan == null || contribution == null || !plan.keySet().equals(java.util.Set.of("commitment"))
                || !contribution.keySet().equals(java.util.Set.of("commitment", "value", "salt", "revealedAt"))) {
            return false;
        }
        String commitment = contribution.get("commitment");
        String value = contribution.get("value");
        String salt = contribution.get("salt");
        if (commitment == null || !commitment.equals(plan.get("commitment")) || !HEX_64.matcher(commitment).matches()
                || !wellFormedValue(value) || !wellFormedSalt(salt) || !commitment(value, salt).equals(commitment)) {
            return false;
        }
        Instant revealedAt = instant(contribution.get("revealedAt"));
        return revealedAt != null && !revealedAt.isBefore(snapshotAt);
    }

    /** §2.3 check 5: read as {@link Instant#parse} reads it ({@code Z} or an offset, letters in either case); or null. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
