package cn.hlj.remoteeval.crossprovince.directory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.expert.ExpertPoolChanged;
import cn.hlj.remoteeval.venue.WorkstationDirectoryChanged;

/**
 * Publication on change: the expert pool's {@link ExpertPoolChanged} and the venue module's
 * {@link WorkstationDirectoryChanged} only mark their directory as changed ({@link DirtyDirectories}), and
 * {@link #publishDirty()} (every {@code remote-eval.exchange.directories.debounce}, default one minute, see
 * {@link DirectorySchedule}) publishes the marked directories and nothing else.
 *
 * <p>Why a mark and a tick rather than a publication per event: an operator editing 20 workstations, a
 * pool administrator suspending experts in a row or an import of 100,000 experts must not recount the
 * pool per change. However many changes come, a directory is counted at most once per tick, and only
 * sent when its hash differs from the partner's last ({@link DirectoryStore#claimPublication}). A plain
 * fixed tick was preferred to a trailing quiet period: it needs no maximum wait for changes that never
 * stop, and it bounds both the delay (one tick) and the work (one count per kind and tick).
 *
 * <p>Why in memory and not a table: a mark is a hint, the publication table decides what a partner gets,
 * and a new table would need a migration. Spring Modulith delivers the events to the node that committed
 * the change, after the commit, so the mark is on that node and its tick publishes it; a node that stops
 * before its tick loses its marks, and the nightly run of both directories publishes what they missed.
 * A mark is taken before the directory is counted, so a change committed meanwhile is marked again and
 * goes out at the next tick; a publication that fails as a whole marks its directories again.
 *
 * <p>With {@code remote-eval.exchange.directories.enabled=false} (the tests') nothing ticks: the marks are
 * kept (one per kind) and published only when {@link #publishDirty()} is called.
 */
@Component
class DirectoryChanges {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryChanges.class);

    private final DirectoryPublisher publisher;
    private final DirtyDirectories dirty = new DirtyDirectories();

    DirectoryChanges(DirectoryPublisher publisher) {
        this.publisher = publisher;
    }

    @ApplicationModuleListener
    void on(ExpertPoolChanged event) {
        dirty.mark(DirectoryKind.EXPERT, event.at());
    }

    @ApplicationModuleListener
    void on(WorkstationDirectoryChanged event) {
        dirty.mark(DirectoryKind.WORKSTATION, event.at());
    }

    /** Since when the directory has changed without being published since; empty when it has not. */
    Optional<Instant> dirtySince(DirectoryKind kind) {
        return dirty.since(kind);
    }

    /** Publishes the directories marked as changed, and only those; nothing when none is. */
    DirectoryPublisher.Outcome publishDirty() {
        Map<DirectoryKind, Instant> taken = dirty.take();
        if (taken.isEmpty()) {
            return new DirectoryPublisher.Outcome(0, 0, 0, 0);
        }
        LOG.debug("Shared directories changed since {}: publishing {}", taken.values().stream().min(Instant::compareTo)
                .orElseThrow(), taken.keySet());
        try {
            return publisher.publish(taken.keySet());
        } catch (RuntimeException e) {
            taken.forEach(dirty::mark);
            throw e;
        }
    }
}
