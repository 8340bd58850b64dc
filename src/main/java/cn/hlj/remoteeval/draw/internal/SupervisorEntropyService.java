package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.internal.SupervisorCommitments.Commitment;
import cn.hlj.remoteeval.draw.internal.SupervisorCommitments.State;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * The supervisor's side of their entropy contribution (监督随机数): they commit the hash their browser computed,
 * which lets the lifecycle go on to the draw, and reveal value and salt once the draw has read its list. Only the
 * main venue's supervisors take part; the operator, whom the contribution guards against, cannot.
 */
@Service
class SupervisorEntropyService {

    static final String AUDIT_SUBJECT = "tender";
    private static final Logger log = LoggerFactory.getLogger(SupervisorEntropyService.class);

    private final Tenders tenders;
    private final SupervisorCommitments commitments;
    private final SupervisorEntropyTasks tasks;
    private final DrawStore store;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;

    SupervisorEntropyService(Tenders tenders, SupervisorCommitments commitments, SupervisorEntropyTasks tasks, DrawStore store,
            AuditLog audit, CurrentActor actor, Clock clock) {
        this.tenders = tenders;
        this.commitments = commitments;
        this.tasks = tasks;
        this.store = store;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** Where the tender's supervisor stands: the draw waiting for a commitment, and the latest contribution. */
    record Status(String tenderId, String sectionCode, DrawKind awaitedDraw, String awaitedDrawLabel, Contribution contribution) {
    }

    /** A contribution as its supervisor follows it; never the value before the draw has used it. */
    record Contribution(String id, DrawKind drawKind, String drawKindLabel, State state, String stateLabel, String commitment,
            Instant committedAt, String noticeId, Long noticeSeq, String noticeHash, Instant revealedAt, String drawRecordId,
            Long drawRecordSeq) {
    }

    @Transactional(readOnly = true)
    Status status(String tenderId) {
        TenderFacts tender = supervisedTender(tenderId);
        // The page asks each second: the latest contribution and its draw are read once per answer.
        Optional<Contribution> latest = commitments.latest(tenderId).map(this::view);
        Optional<DrawKind> awaited = tasks.awaited(tenderId).or(() -> retried(tenderId, latest));
        return new Status(tenderId, tender.sectionCode(), awaited.orElse(null), awaited.map(SupervisorEntropyService::label).orElse(null),
                latest.orElse(null));
    }

    /** Stores the commitment for the draw the lifecycle waits for, and lets it go on to that draw. */
    @Transactional
    Contribution commit(String tenderId, String commitment) {
        TenderFacts tender = supervisedTender(tenderId);
        if (!SupervisorContributionCheck.wellFormedCommitment(commitment)) {
            throw ApiProblemException.invalid("commitment", "承诺值应为 64 位小写十六进制的 SHA-256 哈希（由页面在浏览器中计算）");
        }
        Optional<DrawKind> task = tasks.awaited(tenderId);
        DrawKind kind = task.or(() -> retried(tenderId, commitments.latest(tenderId).map(this::view))).orElseThrow(() -> ApiProblemException.conflict(
                "标段 " + tender.sectionCode() + " 当前没有等待监督人员提交随机数的抽取。", null, null));
        if (commitments.byCommitment(commitment).isPresent()) {
            throw ApiProblemException.invalid("commitment", "该承诺值已经提交过；请重新输入随机数，页面会生成新的盐值");
        }
        Instant now = clock.instant();
        Commitment added = new Commitment(UUID.randomUUID().toString(), tenderId, kind, commitment, actor.userId(), now,
                State.COMMITTED, null, null, null, null, null);
        commitments.add(added);
        if (task.isPresent()) {
            tasks.complete(tenderId);
        }
        audit.append(now, actor.userId(), "DRAW_ENTROPY_COMMITTED", AUDIT_SUBJECT, tenderId,
                "draw=" + kind + " commitment=" + commitment);
        log.info("Tender {}: supervisor committed entropy {} for the {} draw", tenderId, added.id(), kind);
        return view(commitments.byId(added.id()).orElseThrow());
    }

    /** Value and salt, once the draw has read its list; the draw waiting for them goes on. */
    @Transactional
    Contribution reveal(String tenderId, String contributionId, String value, String salt) {
        supervisedTender(tenderId);
        Commitment commitment = commitments.byId(contributionId).filter(c -> c.subjectId().equals(tenderId))
                .orElseThrow(() -> ApiProblemException.notFound("该标段没有这项随机数承诺：" + contributionId));
        if (!commitment.committedBy().equals(actor.userId())) {
            throw ApiProblemException.forbidden("只有提交承诺的监督人员本人可以揭示随机数。");
        }
        List<FieldViolation> violations = new ArrayList<>();
        SupervisorContributionCheck.valueFault(value).ifPresent(fault -> violations.add(new FieldViolation("value", fault)));
        if (!SupervisorContributionCheck.wellFormedSalt(salt)) {
            violations.add(new FieldViolation("salt", "盐值应为 32 位小写十六进制（由页面生成）"));
        }
        if (violations.isEmpty() && !commitment.commitment().equals(SupervisorContributionCheck.commitmentOf(value, salt))) {
            violations.add(new FieldViolation("value", "随机数或盐值与事先提交的承诺不符"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        if (commitment.state() != State.AWAITING_REVEAL) {
            // Before the draw has read its list the server must not learn the value.
            throw ApiProblemException.conflict("抽取尚未读取候选名单（当前：" + stateLabel(commitment.state())
                    + "），请稍候；页面会在可以揭示时自动提交。", null, null);
        }
        Instant now = clock.instant();
        if (!commitments.reveal(contributionId, value, salt, now)) {
            throw ApiProblemException.conflict("抽取已不再等待这项随机数，请刷新页面。", null, null);
        }
        audit.append(now, actor.userId(), "DRAW_ENTROPY_REVEALED", AUDIT_SUBJECT, tenderId,
                "draw=" + commitment.kind() + " notice=" + commitment.noticeId());
        log.info("Tender {}: supervisor revealed entropy {} for notice {}", tenderId, contributionId, commitment.noticeId());
        return view(commitments.byId(contributionId).orElseThrow());
    }

    /**
     * A draw that learned the supervisor's value and then failed (a node died, a lock timed out) is retried by its job,
     * but a revealed value is never planned again: the supervisor commits a new one for the retry, without a task.
     */
    private Optional<DrawKind> retried(String tenderId, Optional<Contribution> latest) {
        return latest.filter(contribution -> contribution.state() == State.REVEALED && contribution.drawRecordId() == null)
                .map(Contribution::drawKind).filter(kind -> tasks.drawPending(tenderId, kind));
    }

    /** Whether a commitment waits for the draw of {@code kind}; the Tasklist form must not complete the task without it. */
    @Transactional(readOnly = true)
    boolean committed(String tenderId, DrawKind kind) {
        return commitments.open(tenderId, kind).isPresent();
    }

    private TenderFacts supervisedTender(String tenderId) {
        TenderFacts tender = tenders.findVisibleToCaller(tenderId)
                .orElseThrow(() -> ApiProblemException.notFound("标段不存在：" + tenderId));
        if (!actor.isSupervisorOf(tender.mainCenter())) {
            throw ApiProblemException.forbidden("只有主场（" + tender.mainCenter() + "）的行政监督人员可以提交和揭示监督随机数。");
        }
        return tender;
    }

    private Contribution view(Commitment c) {
        Optional<DrawRecord> notice = Optional.ofNullable(c.noticeId()).flatMap(store::find);
        Optional<DrawRecord> draw = c.noticeId() == null ? Optional.empty()
                : store.forTender(c.subjectId()).stream().filter(r -> c.noticeId().equals(r.noticeId())).findFirst();
        String stateLabel = draw.isPresent() ? "抽取已完成" : stateLabel(c.state());
        return new Contribution(c.id(), c.kind(), label(c.kind()), c.state(), stateLabel, c.commitment(), c.committedAt(),
                c.noticeId(), notice.map(DrawRecord::seq).orElse(null), notice.map(DrawRecord::recordHash).orElse(null),
                c.revealedAt(), draw.map(DrawRecord::id).orElse(null), draw.map(DrawRecord::seq).orElse(null));
    }

    private static String label(DrawKind kind) {
        return kind == DrawKind.VENUE ? "随机抽取副场" : "随机抽取评标专家";
    }

    private static String stateLabel(State state) {
        return switch (state) {
            case COMMITTED -> "已提交承诺，等待抽取开始";
            case NOTICED -> "已发布抽取公告，正在读取候选名单";
            case AWAITING_REVEAL -> "候选名单已读取，等待揭示随机数";
            case REVEALED -> "随机数已揭示，正在抽取";
        };
    }
}
