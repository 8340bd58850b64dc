package cn.hlj.remoteeval.anchor.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.anchor.TimestampAuthority;
import cn.hlj.remoteeval.audit.AuditChainHeads;
import cn.hlj.remoteeval.draw.DrawChainHeads;

/**
 * Takes, signs and stores a day's head statement and sends it to the supervisors. The day's primary
 * key makes it once per day across the cluster: a second node, or a second run, loses at the insert
 * and stores nothing. The supervisors' process starts in the insert's transaction, so a statement is
 * never stored without its task, nor a task sent for a statement that lost.
 */
@Service
class HeadPublisher {

    private static final Logger log = LoggerFactory.getLogger(HeadPublisher.class);

    private final PublishedHeadStore store;
    private final DrawChainHeads drawChain;
    private final AuditChainHeads auditChain;
    private final HeadSigner signature;
    private final TimestampAuthority timestamps;
    private final HeadAcknowledgementProcess process;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HeadPublisher(PublishedHeadStore store, DrawChainHeads drawChain, AuditChainHeads auditChain, HeadSigner signature,
            TimestampAuthority timestamps, HeadAcknowledgementProcess process, PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.drawChain = drawChain;
        this.auditChain = auditChain;
        this.signature = signature;
        this.timestamps = timestamps;
        this.process = process;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The statement of today in the province, unless published already. */
    Optional<PublishedHead> publishToday() {
        return publish(LocalDate.now(clock.withZone(ZoneId.of(RemoteEvalApplication.ZONE))));
    }

    /** Answers the statement stored, or empty when the day had one already or no exchange key is configured. */
    Optional<PublishedHead> publish(LocalDate date) {
        if (store.exists(date)) {
            return Optional.empty();
        }
        // Two short reads, never both head locks at once: a draw appends its audit entry while holding the draw head.
        DrawChainHeads.Head draw = drawChain.head();
        AuditChainHeads.Head audit = auditChain.sealAndReadHead();
        HeadStatement statement = new HeadStatement(date, signature.province(), draw.seq(), draw.hash(), audit.sealNo(),
                audit.hash(), clock.instant());
        Optional<HeadSigner.Signed> signed = signature.sign(statement.bytes());
        if (signed.isEmpty()) {
            log.warn("Chain heads of {} not published: no exchange key configured (remote-eval.exchange.private-key)", date);
            return Optional.empty();
        }
        PublishedHead head = new PublishedHead(statement, signed.get().signature(), signed.get().publicKey(),
                signed.get().fingerprint(), timestampOf(statement), Instant.now(clock));
        try {
            transaction.executeWithoutResult(status -> {
                store.insert(head);
                process.start(head);
            });
        } catch (DuplicateKeyException lost) {
            return Optional.empty();
        }
        log.info("Published the chain heads of {}: draw chain at seq {}, audit chain at seal no {}", date,
                statement.drawSeq(), statement.auditSealNo());
        return Optional.of(head);
    }

    /** An unreachable authority costs the day its time-stamp, not its statement: the signature is the anchor. */
    private String timestampOf(HeadStatement statement) {
        try {
            return timestamps.timestamp(statement.sha256()).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Chain heads of {} published without an RFC 3161 time-stamp: {}", statement.date(), e.toString());
            return null;
        }
    }
}
