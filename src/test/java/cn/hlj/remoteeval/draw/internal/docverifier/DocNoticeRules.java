package cn.hlj.remoteeval.draw.internal.docverifier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.hlj.remoteeval.draw.beacon.BeaconRound;
import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;
import cn.hlj.remoteeval.draw.beacon.DrandChain;

/**
 * The chain check's notice rules of seed-derivation-v2 §6, written from the document alone, fed the records in
 * sequence order after each one passed its v1 checks.
 *
 * <p>A supervisor's contribution (§2.3) is checked by {@link DocSupervisor}, also from the document alone.
 *
 * <p>The one thing not written here is the BLS12-381 pairing check of a beacon signature (§2): it calls the production
 * {@link BeaconSignatures#verify} with a {@link DrandChain}, a separately tested library (checked against drand's own
 * published rounds), since a second pairing implementation is out of reach for a test. Everything around it (which
 * key, which round, the randomness, the round time) is decided here.
 */
final class DocNoticeRules {

    static final String NOTICE = "NOTICE";
    static final String NOTICE_ALGORITHM = "draw-notice/v2";

    /** A notice seen earlier in the chain, with its plan read from its request. */
    private record Notice(DocRecord record, String drawKind, TreeMap<String, TreeMap<String, String>> plans) {
    }

    private final Map<String, DocBeacon> knownSources = new HashMap<>();
    private final Map<String, Notice> notices = new HashMap<>();
    private final Set<String> commitments = new HashSet<>();
    private final Set<String> used = new HashSet<>();
    /** Signatures already checked in this walk, by public key, round and signature: several draws share a round. */
    private final Map<String, Boolean> checkedSignatures = new HashMap<>();

    DocNoticeRules(List<DocBeacon> sources) {
        sources.forEach(source -> knownSources.put(source.id(), source));
    }

    /**
     * The fault code for {@code r}, or null when the notice rules accept it; the rules are tried in the order §6
     * gives (a notice: NOTICE_MISMATCH, NOTICE_REUSED; a draw: NO_PRIOR_NOTICE, NOTICE_REUSED, NOTICE_MISMATCH,
     * COMMITMENT_AFTER_SNAPSHOT, ENTROPY_INVALID).
     */
    String check(DocRecord r) {
        if (NOTICE.equals(r.kind())) {
            return checkNotice(r);
        }
        if (!DocSeedV2.DRAW_KINDS.contains(r.kind())) {
            return null; // not a random draw (a negotiated record)
        }
        if (!r.noticed()) {
            return notices.isEmpty() ? null : "NO_PRIOR_NOTICE";
        }
        Notice notice = notices.get(r.noticeId());
        if (notice == null) {
            return "NO_PRIOR_NOTICE";
        }
        if (!used.add(r.noticeId())) {
            return "NOTICE_REUSED";
        }
        DocRecord n = notice.record();
        if (!n.tenderId().equals(r.tenderId()) || !notice.drawKind().equals(r.kind())
                || !n.seedCommitment().equals(r.seedCommitment()) || !n.recordHash().equals(r.noticeHash())) {
            return "NOTICE_MISMATCH";
        }
        if (r.snapshotAt().isBefore(n.createdAt()) || r.snapshotAt().isAfter(r.createdAt())) {
            return "COMMITMENT_AFTER_SNAPSHOT";
        }
        return entropyValid(r, notice) ? null : "ENTROPY_INVALID";
    }

    /** Notices no draw names. */
    long unusedNotices() {
        return notices.keySet().stream().filter(id -> !used.contains(id)).count();
    }

    private String checkNotice(DocRecord r) {
        Map<String, String> request = DocCanonical.decode(r.request());
        String drawKind = request == null ? null : request.get("drawKind");
        TreeMap<String, TreeMap<String, String>> plans = request == null ? null
                : DocSeedV2.perSource(request, "entropy.", "entropy.sources", Set.of("drawKind"));
        if (r.seedCommitment() == null || !NOTICE_ALGORITHM.equals(r.algorithm()) || drawKind == null
                || !DocSeedV2.DRAW_KINDS.contains(drawKind)) {
            return "NOTICE_MISMATCH";
        }
        if (!commitments.add(r.seedCommitment())) {
            return "NOTICE_REUSED";
        }
        notices.put(r.id(), new Notice(r, drawKind, plans));
        return null;
    }

    private boolean entropyValid(DocRecord r, Notice notice) {
        Map<String, String> entries = DocCanonical.decode(r.entropy());
        TreeMap<String, TreeMap<String, String>> contributions = entries == null ? null
                : DocSeedV2.perSource(entries, "", "sources", Set.of());
        if (contributions == null || notice.plans() == null
                || !contributions.keySet().equals(notice.plans().keySet())) {
            return false;
        }
        for (Map.Entry<String, TreeMap<String, String>> contribution : contributions.entrySet()) {
            if (contribution.getKey().equals(DocSupervisor.ID)) {
                // §2.3: the supervisor's source needs no configuration; it is known to every chain check
                if (!DocSupervisor.valid(notice.plans().get(DocSupervisor.ID), contribution.getValue(),
                        r.snapshotAt())) {
                    return false;
                }
                continue;
            }
            DocBeacon beacon = knownSources.get(contribution.getKey());
            if (beacon == null || !beaconValid(beacon, notice.plans().get(contribution.getKey()),
                    contribution.getValue(), r)) {
                return false;
            }
        }
        return true;
    }

    private boolean beaconValid(DocBeacon beacon, Map<String, String> plan, Map<String, String> contribution,
            DocRecord r) {
        // §2: a plan or contribution with keys other than those of the table fails.
        if (plan == null || !plan.keySet().equals(java.util.Set.of("chain", "round"))
                || !contribution.keySet().equals(java.util.Set.of("chain", "round", "signature", "randomness"))) {
            return false;
        }
        String chain = contribution.get("chain");
        String round = contribution.get("round");
        String signature = contribution.get("signature");
        String randomness = contribution.get("randomness");
        if (chain == null || !chain.equals(plan.get("chain")) || !chain.equals(beacon.chainHash()) || round == null
                || !round.equals(plan.get("round")) || !DocSeedV2.ROUND.matcher(round).matches() || signature == null
                || randomness == null) {
            return false;
        }
        long roundNumber = Long.parseLong(round);
        if (!beacon.timeOf(roundNumber).isAfter(r.snapshotAt())) {
            return false;
        }
        if (!randomness.equals(DocSeedV2.randomness(signature))) {
            return false;
        }
        return checkedSignatures.computeIfAbsent(beacon.publicKey() + "/" + round + "/" + signature,
                key -> BeaconSignatures.verify(new DrandChain(beacon.chainHash(), beacon.publicKey(), beacon.genesis(),
                        beacon.period(), DrandChain.UNCHAINED_G1_RFC9380), new BeaconRound(roundNumber, signature)));
    }
}
