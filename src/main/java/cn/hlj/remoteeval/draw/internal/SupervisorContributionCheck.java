package cn.hlj.remoteeval.draw.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * What a supervisor's contribution is and how a recorded one is checked (seed derivation v2 §2.3), with no
 * database and no Spring, so that the standalone verifier checks it as the chain check does. Drawing with it is
 * {@link SupervisorEntropy}'s.
 *
 * <p>Plan: {@code commitment}. Contribution: {@code commitment}, {@code value}, {@code salt} and
 * {@code revealedAt} (when the server learned the value; not before the list was read).
 */
class SupervisorContributionCheck implements EntropySource {

    static final String ID = "supervisor";

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SALT = Pattern.compile("[0-9a-f]{32}");
    private static final int LONGEST_VALUE = 64;
    private static final java.util.Set<String> PLAN_KEYS = java.util.Set.of("commitment");
    private static final java.util.Set<String> CONTRIBUTION_KEYS = java.util.Set.of("commitment", "value", "salt", "revealedAt");

    /** The commitment the supervisor's browser computes: lowercase hex SHA-256 of UTF-8 {@code value LF salt}. */
    static String commitmentOf(String value, String salt) {
        return Hashes.hex(Hashes.sha256((value + "\n" + salt).getBytes(StandardCharsets.UTF_8)));
    }

    static boolean wellFormedCommitment(String commitment) {
        return commitment != null && HEX_64.matcher(commitment).matches();
    }

    /** A value is 1 to 64 characters of one line, without surrounding blanks or control characters. */
    static Optional<String> valueFault(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("随机数不能为空");
        }
        if (value.length() > LONGEST_VALUE) {
            return Optional.of("随机数不能超过 " + LONGEST_VALUE + " 个字符");
        }
        if (!value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("随机数不能含换行等控制字符，首尾不能有空格");
        }
        return Optional.empty();
    }

    /** The salt is 32 lowercase hex digits (128 random bits from the supervisor's browser). */
    static boolean wellFormedSalt(String salt) {
        return salt != null && SALT.matcher(salt).matches();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<SortedMap<String, String>> plan(NoticeDraft notice) {
        throw new UnsupportedOperationException("checking only");
    }

    @Override
    public SortedMap<String, String> collect(String noticeId, SortedMap<String, String> plan, Instant snapshotAt) {
        throw new UnsupportedOperationException("checking only");
    }

    @Override
    public Optional<String> check(SortedMap<String, String> plan, SortedMap<String, String> contribution, Instant snapshotAt) {
        // The seed is the HMAC of the whole entropy text: an entry no check reads could be chosen after the reveal.
        if (!plan.keySet().equals(PLAN_KEYS) || !contribution.keySet().equals(CONTRIBUTION_KEYS)) {
            return Optional.of("监督人员随机数的公告或记录含有算法未定义的项。");
        }
        String commitment = plan.get("commitment");
        if (!wellFormedCommitment(commitment) || !commitment.equals(contribution.get("commitment"))) {
            return Optional.of("监督人员随机数的承诺值与公告不符。");
        }
        String value = contribution.get("value");
        String salt = contribution.get("salt");
        if (valueFault(value).isPresent() || !wellFormedSalt(salt) || !commitment.equals(commitmentOf(value, salt))) {
            return Optional.of("监督人员揭示的随机数与其事先提交的承诺不符。");
        }
        Instant revealedAt;
        try {
            revealedAt = Instant.parse(contribution.get("revealedAt"));
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return Optional.of("监督人员随机数的揭示时间无法读取。");
        }
        if (snapshotAt == null || revealedAt.isBefore(snapshotAt)) {
            return Optional.of("监督人员的随机数在读取候选名单之前已经揭示。");
        }
        return Optional.empty();
    }
}
