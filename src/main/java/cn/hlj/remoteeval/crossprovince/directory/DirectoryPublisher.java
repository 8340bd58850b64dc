package cn.hlj.remoteeval.crossprovince.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.PartnerUnreachable;
import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * Publishes the two shared directories to every partner that may receive them: connected or through the
 * joint test, with a key and an address in the register (the others are skipped). A directory whose
 * content (not its {@code asOf}) is what the partner got last time is not sent again; each partner and
 * directory is queued in a transaction of its own, so that one partner's trouble leaves the others' alone.
 *
 * <p>Both directories go out every night ({@link DirectorySchedule}); a directory whose source changed
 * (the expert pool's or the venue module's event) goes out on its own shortly after ({@link DirectoryChanges}).
 */
@Component
class DirectoryPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPublisher.class);
    private static final ZoneId PROVINCE = ZoneId.of(RemoteEvalApplication.ZONE);

    private final ExpertPool pool;
    private final TradingCenters centers;
    private final DirectoryStore store;
    private final ExchangeOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DirectoryPublisher(ExpertPool pool, TradingCenters centers, DirectoryStore store, ExchangeOutbox outbox,
            TransactionTemplate transactions, Clock clock) {
        this.pool = pool;
        this.centers = centers;
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one run did, in messages and directories. */
    record Outcome(int messagesQueued, int directoriesUnchanged, int directoriesFailed, int partnersSkipped) {
    }

    /** Both directories as of now, read from the expert pool and the venue directory: the expert pool's first. */
    List<DirectoryContent> current() {
        return current(EnumSet.allOf(DirectoryKind.class));
    }

    /** The directories of these kinds as of now, in the order of {@link DirectoryKind}; only these are counted. */
    List<DirectoryContent> current(Set<DirectoryKind> kinds) {
        Instant asOf = clock.instant();
        LocalDate today = LocalDate.ofInstant(asOf, PROVINCE);
        List<DirectoryContent> directories = new ArrayList<>(2);
        if (kinds.contains(DirectoryKind.EXPERT)) {
            directories.add(DirectoryContent.experts(asOf, pool.inServiceCounts()));
        }
        if (kinds.contains(DirectoryKind.WORKSTATION)) {
            directories.add(DirectoryContent.workstations(asOf, centers.all(),
                    centers.crossProvinceWorkstationsInService(today)));
        }
        return directories;
    }

    /** Publishes both directories to every partner that may receive them. */
    Outcome publishAll() {
        return publish(EnumSet.allOf(DirectoryKind.class));
    }

    /**
     * Publishes the directories of these kinds to every partner that may receive them; a directory is only
     * counted when some partner may receive it.
     */
    Outcome publish(Set<DirectoryKind> kinds) {
        if (kinds.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        List<DirectoryStore.Partner> partners = store.partners();
        if (partners.stream().noneMatch(DirectoryStore.Partner::receivesDirectories)) {
            LOG.debug("Shared directories: no partner to publish to");
            return new Outcome(0, 0, 0, partners.size());
        }
        List<DirectoryContent> directories = current(kinds);
        int queued = 0;
        int unchanged = 0;
        int failed = 0;
        int skipped = 0;
        for (DirectoryStore.Partner partner : partners) {
            if (!partner.receivesDirectories()) {
                skipped++;
                LOG.debug("Shared directories not published to {}: state {}, key {}, address {}", partner.code(),
                        partner.state(), partner.hasKey() ? "entered" : "missing", partner.hasEndpoint() ? "entered" : "missing");
                continue;
            }
            for (DirectoryContent directory : directories) {
                try {
                    int sent = transactions.execute(status -> publish(partner.code(), directory));
                    if (sent == 0) {
                        unchanged++;
                    }
                    queued += sent;
                } catch (PartnerUnreachable e) {
                    failed++;
                    LOG.info("Shared directory {} not published to {}: not reachable", directory.kind(), partner.code());
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warn("Shared directory {} not published to {}: {}", directory.kind(), partner.code(),
                            e.getClass().getSimpleName());
                }
            }
        }
        if (queued > 0) {
            LOG.info("Shared directories: {} messages queued, {} directories unchanged, {} failed, {} partners skipped",
                    queued, unchanged, failed, skipped);
        }
        return new Outcome(queued, unchanged, failed, skipped);
    }

    /** Inside the caller's transaction: queues the directory for the partner unless unchanged; answers the messages queued. */
    private int publish(String partner, DirectoryContent directory) {
        List<ObjectNode> bodies = directory.bodies();
        if (!store.claimPublication(partner, directory.kind(), directory.hash(), directory.asOf(), bodies.size(),
                clock.instant())) {
            return 0;
        }
        for (ObjectNode body : bodies) {
            outbox.send(partner, directory.kind().type(), directory.correlationId(), body, null);
        }
        return bodies.size();
    }
}
