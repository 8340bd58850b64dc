package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.hlj.remoteeval.draw.beacon.BeaconRound;
import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;
import cn.hlj.remoteeval.draw.beacon.DrandChain;

/**
 * A randomness beacon of drand's kind (a BLS threshold signature per round, rounds at fixed times): the
 * notice names the first round due at least {@code margin} after it, so that the round's value does not
 * exist when the notice is written nor when the eligible list is read; the draw then waits for that round,
 * checks its signature against the chain's pinned public key and mixes the signature in.
 *
 * <p>Plan: {@code chain} (the chain hash) and {@code round}. Contribution: {@code chain}, {@code round},
 * {@code signature} and {@code randomness} (SHA-256 of the signature, as drand publishes it).
 */
class BeaconEntropy implements EntropySource {

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);
    private static final java.util.Set<String> PLAN_KEYS = java.util.Set.of("chain", "round");
    private static final java.util.Set<String> CONTRIBUTION_KEYS = java.util.Set.of("chain", "round", "signature", "randomness");
    private static final int REMEMBERED_SIGNATURES = 20_000;

    private final String id;
    private final DrandChain chain;
    private final BeaconRounds rounds;
    private final Duration margin;
    private final Clock clock;
    private final Sleeper sleeper;
    /**
     * Rounds whose exact signature verified: a pairing costs tens of milliseconds, and the operator's chain check
     * meets every draw's round again. Only a success for the same round and the same signature bytes is reused.
     */
    private final Map<String, Boolean> verified = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_SIGNATURES;
        }
    });

    /** Waits for a round; a test's clock does not move by itself, so the waiting is apart from it. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    BeaconEntropy(String id, DrandChain chain, BeaconRounds rounds, Duration margin, Clock clock, Sleeper sleeper) {
        if (!Canonical.isKey(id)) {
            throw new IllegalArgumentException("an entropy source id is a canonical key: " + id);
        }
        this.id = id;
        this.chain = chain;
        this.rounds = rounds;
        this.margin = margin;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String id() {
        return id;
    }

    DrandChain chain() {
        return chain;
    }

    @Override
    public Optional<SortedMap<String, String>> plan(NoticeDraft notice) {
        return Optional.of(plan(notice.at()));
    }

    @Override
    public boolean reachable() {
        return rounds.reachable();
    }

    /** The first round due at least the margin after {@code noticeAt}. */
    SortedMap<String, String> plan(Instant noticeAt) {
        SortedMap<String, String> plan = new TreeMap<>();
        plan.put("chain", chain.chainHash());
        plan.put("round", Long.toString(chain.roundAt(noticeAt.plus(margin))));
        return plan;
    }

    @Override
    public SortedMap<String, String> collect(String noticeId, SortedMap<String, String> plan, Instant snapshotAt) {
        return collect(plan, snapshotAt);
    }

    SortedMap<String, String> collect(SortedMap<String, String> plan, Instant snapshotAt) {
        long round = plannedRound(plan);
        Duration wait = Duration.between(clock.instant(), chain.timeOf(round));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            throw new EntropyUnavailableException("beacon round " + round + " of " + id + " is due in " + wait);
        }
        if (!wait.isNegative() && !wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EntropyUnavailableException("interrupted while waiting for beacon round " + round, e);
            }
        }
        BeaconRound fetched = rounds.fetch(round);
        // A pairing costs tens of milliseconds on the draw's path; a round this server signed is checked by the chain
        // check instead, like every recorded round.
        if (fetched.round() != round || !(rounds.signedHere() || signatureHolds(fetched))) {
            throw new EntropyUnavailableException("beacon " + id + " answered round " + round
                    + " with a signature that does not verify against its public key");
        }
        SortedMap<String, String> contribution = new TreeMap<>();
        contribution.put("chain", chain.chainHash());
        contribution.put("round", Long.toString(round));
        contribution.put("signature", fetched.signatureHex());
        contribution.put("randomness", fetched.randomness());
        return contribution;
    }

    @Override
    public Optional<String> check(SortedMap<String, String> plan, SortedMap<String, String> contribution,
            Instant snapshotAt) {
        // The seed is the HMAC of the whole entropy text: an entry no check reads could be chosen after the round.
        if (!plan.keySet().equals(PLAN_KEYS) || !contribution.keySet().equals(CONTRIBUTION_KEYS)) {
            return Optional.of("随机信标 " + id + " 的公告或记录含有算法未定义的项。");
        }
        if (!chain.chainHash().equals(plan.get("chain")) || !chain.chainHash().equals(contribution.get("chain"))) {
            return Optional.of("随机信标 " + id + " 的链与公告不符。");
        }
        if (plan.get("round") == null || !plan.get("round").equals(contribution.get("round"))) {
            return Optional.of("随机信标 " + id + " 的轮次与公告所定的轮次不符。");
        }
        long round;
        try {
            round = Long.parseLong(contribution.get("round"));
        } catch (NumberFormatException e) {
            return Optional.of("随机信标 " + id + " 的轮次无法读取。");
        }
        if (!chain.timeOf(round).isAfter(snapshotAt)) {
            return Optional.of("随机信标 " + id + " 的第 " + round + " 轮在读取候选名单之前已经产生。");
        }
        String signature = contribution.get("signature");
        BeaconRound recorded;
        try {
            recorded = new BeaconRound(round, signature);
        } catch (RuntimeException unreadable) {
            return Optional.of("随机信标 " + id + " 的签名无法读取。");
        }
        if (!signatureHolds(recorded)) {
            return Optional.of("随机信标 " + id + " 第 " + round + " 轮的签名验证不通过（签名被伪造或修改）。");
        }
        if (!recorded.randomness().equals(contribution.get("randomness"))) {
            return Optional.of("随机信标 " + id + " 第 " + round + " 轮的随机数与其签名不符。");
        }
        return Optional.empty();
    }

    private boolean signatureHolds(BeaconRound round) {
        String key = round.round() + ":" + round.signatureHex();
        if (verified.containsKey(key)) {
            return true;
        }
        boolean holds = BeaconSignatures.verify(chain, round);
        if (holds) {
            verified.put(key, Boolean.TRUE);
        }
        return holds;
    }

    private long plannedRound(SortedMap<String, String> plan) {
        if (!chain.chainHash().equals(plan.get("chain"))) {
            throw new IllegalArgumentException("the notice planned another beacon chain than " + id + "'s");
        }
        return Long.parseLong(plan.get("round"));
    }
}
