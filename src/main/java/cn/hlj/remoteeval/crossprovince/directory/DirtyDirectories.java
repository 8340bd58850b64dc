package cn.hlj.remoteeval.crossprovince.directory;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which directories changed, and since when, on this node: the state of {@link DirectoryChanges}'s
 * debounce. Any number of changes to a kind make one mark (the earliest change's time); taking the marks
 * clears them, so that a change marked while the taken ones are being published is the next take's.
 * Thread-safe.
 */
final class DirtyDirectories {

    private final Map<DirectoryKind, Instant> since = new EnumMap<>(DirectoryKind.class);

    /** The kind changed at {@code at}; it stays marked since its earliest change not yet taken. */
    synchronized void mark(DirectoryKind kind, Instant at) {
        since.merge(kind, at, (earlier, later) -> later.isBefore(earlier) ? later : earlier);
    }

    /** The marked kinds with the time of their earliest change, in kind order; none is marked afterwards. */
    synchronized Map<DirectoryKind, Instant> take() {
        if (since.isEmpty()) {
            return Map.of();
        }
        Map<DirectoryKind, Instant> taken = new EnumMap<>(since);
        since.clear();
        return taken;
    }

    /** Since when the kind has been marked; empty when it is not. */
    synchronized Optional<Instant> since(DirectoryKind kind) {
        return Optional.ofNullable(since.get(kind));
    }
}
