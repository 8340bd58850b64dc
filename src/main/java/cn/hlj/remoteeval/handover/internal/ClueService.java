package cn.hlj.remoteeval.handover.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * Clues of wrongdoing (policy 八): a sub-venue passes what it found to the main venue, which
 * transfers it to a discipline or law-enforcement body; both steps are deadlines. The reporting
 * sub-venue names its anonymous session, the session tells the tender; the description is kept
 * encrypted here only.
 */
@Service
class ClueService {

    static final String AUDIT_SUBJECT = "CLUE";
    static final int MAX_DESCRIPTION = 1500;
    /** The width of wrongdoing_clue.session_code. */
    static final int MAX_SESSION_CODE = 32;
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}〔〕\\[\\]()（）._/#-]{1,64}");

    private final ClueStore store;
    private final HandoverStore supervision;
    private final Deadlines deadlines;
    private final SeatBookings bookings;
    private final Tenders tenders;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    ClueService(ClueStore store, HandoverStore supervision, Deadlines deadlines, SeatBookings bookings, Tenders tenders,
            PersonalDataCipher cipher, AuditLog audit, Clock clock) {
        this.store = store;
        this.supervision = supervision;
        this.deadlines = deadlines;
        this.bookings = bookings;
        this.tenders = tenders;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a clue reported by the staff of one of {@code reporterCenters} about a session their
     * center hosts, and opens the deadline of its passing to the main venue. Refused (nothing
     * recorded) when the session is not one of theirs.
     */
    @Transactional
    public ReportedClue report(Collection<String> reporterCenters, ClueForm form, String actor) {
        String sessionCode = FormValues.text(form.sessionCode());
        if (sessionCode == null) {
            throw new InvalidForm("请填写本中心承担的评标场次代码");
        }
        Optional<String> tenderId = reporterCenters.stream()
                .map(center -> bookings.holderOfSession(center, sessionCode)).flatMap(Optional::stream).findFirst();
        if (tenderId.isEmpty()) {
            throw new InvalidForm("场次代码 " + sessionCode + " 不是本中心承担的评标场次，请在“本中心承担的评标场次”中核对后重新填写");
        }
        TenderFacts tender = tenders.find(tenderId.get()).orElseThrow(
                () -> new InvalidForm("该场次为外省标段的跨省评标，线索请通过跨省远程异地评标协作渠道移交主场"));
        if (reporterCenters.contains(tender.mainCenter())) {
            throw new InvalidForm("本中心是该场次的主场，发现的线索请直接向有关执纪执法机关报告或移送");
        }
        ClueCategory category = ClueCategory.parse(form.category()).orElseThrow(() -> new InvalidForm("请选择线索类别"));
        LocalDate foundOn = FormValues.date(form.foundOn(), "发现日期");
        if (foundOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidForm("发现日期不能晚于今天");
        }
        String description = FormValues.text(form.sealedDescription());
        if (description == null) {
            throw new InvalidForm("请填写线索内容");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidForm("线索内容最多 " + MAX_DESCRIPTION + " 个字符，详细材料请随线索另行移交");
        }
        String id = UUID.randomUUID().toString();
        store.insert(new Clue(id, tender.id(), sessionCode, category, foundOn, cipher.encrypt(description), actor,
                clock.instant(), ClueState.REPORTED, null, null, null, null, null, null, null, null, null));
        DeadlineTicket ticket = deadlines.open(DeadlineKind.CLUE_TO_MAIN, tender.id(), id, foundOn);
        store.receiptDeadlineOpened(id, ticket.id());
        audit.append(clock.instant(), actor, "CLUE_REPORTED", AUDIT_SUBJECT, id, category.label() + "，发现于 " + foundOn);
        return new ReportedClue(id, tender.id(), tender.mainCenter(), ticket);
    }

    /**
     * Records a clue a partner province's sub-venue session passed on through the exchange, as a local
     * sub-venue's clue is recorded: the description stays encrypted as it came, and the deadline of its
     * receipt by the main venue opens from the day it was found.
     *
     * @throws IllegalStateException when the tender is not this province's (the message then fails)
     */
    @Transactional
    public ReportedClue passedOnByPartner(PartnerClue partnerClue) {
        TenderFacts tender = tenders.find(partnerClue.tenderId())
                .orElseThrow(() -> new IllegalStateException("No tender " + partnerClue.tenderId()));
        if (partnerClue.sessionRef().length() > MAX_SESSION_CODE) {
            throw new IllegalStateException("Session reference longer than " + MAX_SESSION_CODE + " characters");
        }
        ClueCategory category = ClueCategory.parse(partnerClue.category()).orElse(ClueCategory.OTHER);
        String id = UUID.randomUUID().toString();
        store.insert(new Clue(id, tender.id(), partnerClue.sessionRef(), category, partnerClue.foundOn(),
                partnerClue.descriptionCipher(), partnerClue.passedBy(), clock.instant(), ClueState.REPORTED, null, null,
                null, null, null, null, null, null, null));
        DeadlineTicket ticket = deadlines.open(DeadlineKind.CLUE_TO_MAIN, tender.id(), id, partnerClue.foundOn());
        store.receiptDeadlineOpened(id, ticket.id());
        audit.append(clock.instant(), partnerClue.passedBy(), "CLUE_REPORTED", AUDIT_SUBJECT, id,
                category.label() + "，发现于 " + partnerClue.foundOn() + "，经跨省协作渠道移交");
        return new ReportedClue(id, tender.id(), tender.mainCenter(), ticket);
    }

    /** The open deadline of a clue's receipt by the main venue, for the process that waits on it. */
    @Transactional(readOnly = true)
    public DeadlineTicket receiptDeadline(String clueId) {
        Clue clue = require(clueId);
        return deadlines.find(clue.receiptDeadlineId())
                .orElseThrow(() -> new IllegalStateException("Clue " + clueId + " has no receipt deadline"));
    }

    /** The main venue received the clue (task 接收线索): that deadline is met. */
    @Transactional
    public void receive(String clueId, Object received, String actor) {
        Clue clue = require(clueId);
        if (clue.state() != ClueState.REPORTED) {
            throw new InvalidForm("该线索已接收，不能重复确认");
        }
        if (!FormValues.checked(received)) {
            throw new InvalidForm("请勾选“已接收线索”");
        }
        store.received(clueId, actor, clock.instant());
        if (clue.receiptDeadlineId() != null) {
            deadlines.complete(clue.receiptDeadlineId());
        }
        audit.append(clock.instant(), actor, "CLUE_RECEIVED", AUDIT_SUBJECT, clueId, "主场已接收");
    }

    /** Opens the deadline of the clue's transfer, counted from the day the main venue received it; a retry answers the same. */
    @Transactional
    public DeadlineTicket openTransferDeadline(String clueId) {
        Clue clue = require(clueId);
        if (clue.transferDeadlineId() != null) {
            var opened = deadlines.find(clue.transferDeadlineId());
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        if (clue.receivedAt() == null) {
            throw new IllegalStateException("Clue " + clueId + " has not been received");
        }
        DeadlineTicket ticket = deadlines.open(DeadlineKind.CLUE_TRANSFER, clue.tenderId(), clueId,
                clue.receivedAt().atZone(FormValues.PROVINCE).toLocalDate());
        store.transferDeadlineOpened(clueId, ticket.id());
        return ticket;
    }

    /** The main venue transferred the clue (task 登记线索移送): that deadline is met. */
    @Transactional
    public void recordTransfer(String clueId, Object body, Object transferredOn, Object referenceNumber, String actor) {
        Clue clue = require(clueId);
        if (clue.state() != ClueState.RECEIVED) {
            throw new InvalidForm(clue.state() == ClueState.TRANSFERRED ? "该线索的移送已登记，不能重复登记" : "主场尚未接收该线索");
        }
        TransferBody chosen = TransferBody.parse(body).orElseThrow(() -> new InvalidForm("请选择移送机关"));
        LocalDate on = FormValues.date(transferredOn, "移送日期");
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidForm("移送日期不能晚于今天");
        }
        if (on.isBefore(clue.foundOn())) {
            throw new InvalidForm("移送日期不能早于线索的发现日期 " + clue.foundOn());
        }
        String reference = FormValues.text(referenceNumber);
        if (reference == null) {
            throw new InvalidForm("请填写移送文书编号");
        }
        if (!REFERENCE.matcher(reference).matches()) {
            throw new InvalidForm("移送文书编号最多 64 个字符，只能包含文字、数字、括号及 . _ / # -");
        }
        store.transferred(clueId, chosen, on, reference, actor, clock.instant());
        if (clue.transferDeadlineId() != null) {
            deadlines.complete(clue.transferDeadlineId());
        }
        audit.append(clock.instant(), actor, "CLUE_TRANSFERRED", AUDIT_SUBJECT, clueId,
                chosen.label() + "，" + on + "，文书编号 " + reference);
    }

    @Transactional
    public void reminded(String clueId) {
        Clue clue = require(clueId);
        audit.append(clock.instant(), CurrentActor.SYSTEM, "CLUE_REMINDED", AUDIT_SUBJECT, clueId, clue.state().label());
    }

    @Transactional
    public void supervised(String clueId, String deadlineId, Object action, String note, String actor) {
        require(clueId);
        SupervisionAction chosen = SupervisionAction.parse(action).orElseThrow(() -> new InvalidForm("请选择督办措施"));
        if (note != null && note.length() > 2000) {
            throw new InvalidForm("督办说明最多 2000 个字符");
        }
        supervision.supervised(new Supervision(UUID.randomUUID().toString(), AUDIT_SUBJECT, clueId, deadlineId, actor,
                clock.instant(), chosen, note));
        audit.append(clock.instant(), actor, "CLUE_SUPERVISED", AUDIT_SUBJECT, clueId, chosen.label());
    }

    public Clue require(String clueId) {
        return store.find(clueId).orElseThrow(() -> new IllegalStateException("No clue " + clueId));
    }

    public List<Clue> ofTender(String tenderId) {
        return store.ofTender(tenderId);
    }

    public String description(Clue clue) {
        return cipher.decrypt(clue.descriptionCipher());
    }

    /** A partner's clue as the exchange brought it; the description encrypted. */
    record PartnerClue(String tenderId, String sessionRef, String category, LocalDate foundOn,
            String descriptionCipher, String passedBy) {
    }

    /** What the report form submitted. */
    record ClueForm(Object sessionCode, Object foundOn, Object category, String sealedDescription) {
    }

    /** A recorded clue: its tender and main venue (for the process), and the deadline of its passing to the main venue. */
    record ReportedClue(String clueId, String tenderId, String mainCenter, DeadlineTicket ticket) {
    }
}
