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
 */
final class EntropySources {

    private final SortedMap<String, EntropySource> inUse;
    private final Map<String, EntropySource> known;

    EntropySources(List<EntropySource> inUse, Collection<EntropySource> alsoKnown) {
        if (inUse.isEmpty()) {
            throw new IllegalArgumentException("a draw needs at least one entropy source");
        }
        this.inUse = new TreeMap<>(inUse.stream().collect(Collectors.toMap(EntropySource::id, Function.identity())));
        this.known = new TreeMap<>(this.inUse);
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

    SortedMap<String, SortedMap<String, String>> plan(Instant noticeAt) {
        SortedMap<String, SortedMap<String, String>> plans = new TreeMap<>();
        inUse.forEach((id, source) -> plans.put(id, source.plan(noticeAt)));
        return plans;
    }

    /** Each planned source's contribution, in id order; the first that cannot be had stops the draw. */
    SortedMap<String, SortedMap<String, String>> collect(SortedMap<String, SortedMap<String, String>> plans,
            Instant snapshotAt) {
        SortedMap<String, SortedMap<String, String>> contributions = new TreeMap<>();
        plans.forEach((id, plan) -> contributions.put(id, source(id)
                .orElseThrow(() -> new EntropyUnavailableException("the notice planned entropy source " + id
                        + ", which this server does not know"))
                .collect(plan, snapshotAt)));
        return contributions;
    }

    Optional<EntropySource> source(String id) {
        return Optional.ofNullable(known.get(id));
    }

    List<String> inUse() {
        return List.copyOf(inUse.keySet());
    }
}
