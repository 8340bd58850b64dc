package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured combination of entropy sources (every draw uses all of them, so that each one alone is
 * enough to keep the server from choosing the result), and every source a recorded draw may name, for the
 * chain check: a source taken out of the combination still checks the records it contributed to.
 *
 * <p>The supervisor's contribution joins a draw whenever a supervisor committed to it. Where policy allows the
 * supervisor path alone ({@code supervisorAlone}), a draw with such a commitment whose beacons cannot be reached
 * now is announced with the supervisor's contribution only; the choice is fixed in the notice, before anything
 * random exists, so it cannot be made after seeing a result.
 */
final class EntropySources {

    private final SortedMap<String, EntropySource> inUse;
    private final Map<String, EntropySource> known;
    private final SupervisorEntropy supervisor;
    private final boolean supervisorAlone;

    EntropySources(List<EntropySource> inUse, Collection<EntropySource> alsoKnown) {
        this(inUse, alsoKnown, null, false);
    }

    EntropySources(List<EntropySource> inUse, Collection<EntropySource> alsoKnown, SupervisorEntropy supervisor,
            boolean supervisorAlone) {
        if (inUse.isEmpty()) {
            throw new IllegalArgumentException("a draw needs at least one entropy source");
        }
        this.inUse = new TreeMap<>(inUse.stream().collect(Collectors.toMap(EntropySource::id, Function.identity())));
        this.known = new TreeMap<>(this.inUse);
        this.supervisor = supervisor;
        this.supervisorAlone = supervisorAlone && supervisor != null;
        if (supervisor != null) {
            this.known.put(supervisor.id(), supervisor);
        }
        alsoKnown.forEach(source -> this.known.putIfAbsent(source.id(), source));
        this.known.keySet().forEach(id -> {
            if (!Canonical.isKey(id) || id.contains(".") || id.contains(",")) {
                throw new IllegalArgumentException("an entropy source id is a canonical key without '.' or ',': " + id);
            }
        });
    }

    static EntropySources of(EntropySource... inUse) {
        return new EntropySources(List.of(inUse), List.of());
    }

    /**
     * Whether the draw about to be announced goes on with the supervisor's contribution alone: policy allows it, a
     * supervisor committed to this draw, and a beacon cannot be reached now. Asked before the notice's transaction,
     * since a probe may take the relays' timeout.
     */
    boolean supervisorAloneFor(NoticeDraft draft) {
        return supervisorAlone && supervisor.committedFor(draft)
                && inUse.values().stream().anyMatch(source -> !source.reachable());
    }

    /** What each source will contribute to the draft's draw; runs in the notice's transaction. */
    SortedMap<String, SortedMap<String, String>> plan(NoticeDraft draft, boolean supervisorOnly) {
        SortedMap<String, SortedMap<String, String>> plans = new TreeMap<>();
        Optional<SortedMap<String, String>> supervisorPlan = supervisor == null ? Optional.empty() : supervisor.plan(draft);
        if (supervisorOnly) {
            plans.put(supervisor.id(), supervisorPlan.orElseThrow(() -> new EntropyUnavailableException(
                    "no beacon is reachable and the supervisor's commitment was taken meanwhile")));
            return plans;
        }
        inUse.forEach((id, source) -> plans.put(id, source.plan(draft).orElseThrow(
                () -> new EntropyUnavailableException("entropy source " + id + " plans nothing"))));
        supervisorPlan.ifPresent(plan -> plans.put(supervisor.id(), plan));
        return plans;
    }

    /** Each planned source's contribution, in id order; the first that cannot be had stops the draw. */
    SortedMap<String, SortedMap<String, String>> collect(String noticeId, SortedMap<String, SortedMap<String, String>> plans,
            Instant snapshotAt) {
        SortedMap<String, SortedMap<String, String>> contributions = new TreeMap<>();
        plans.forEach((id, plan) -> contributions.put(id, source(id)
                .orElseThrow(() -> new EntropyUnavailableException("the notice planned entropy source " + id
                        + ", which this server does not know"))
                .collect(noticeId, plan, snapshotAt)));
        return contributions;
    }

    Optional<EntropySource> source(String id) {
        return Optional.ofNullable(known.get(id));
    }

    List<String> inUse() {
        return List.copyOf(inUse.keySet());
    }
}
