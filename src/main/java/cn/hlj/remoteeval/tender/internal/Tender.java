package cn.hlj.remoteeval.tender.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.scope.ScopeDecision;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.BiddersRecorded;
import cn.hlj.remoteeval.tender.CommitteeRequirement;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.ExemptionExplanationAcknowledged;
import cn.hlj.remoteeval.tender.ExemptionExplanationFiled;
import cn.hlj.remoteeval.tender.ExpertsDrawn;
import cn.hlj.remoteeval.tender.NationalExpertDrawRecorded;
import cn.hlj.remoteeval.tender.TenderClassified;
import cn.hlj.remoteeval.tender.TenderRegistered;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.tender.VenueArrangementMethod;
import cn.hlj.remoteeval.tender.VenueNegotiationDecided;
import cn.hlj.remoteeval.tender.VenuesArranged;
import cn.hlj.remoteeval.tender.WinningBidderRecorded;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/**
 * A tender section (标段): the unit that is evaluated once. It owns its state transitions; each
 * checks its guard, changes state and records an event.
 */
@Table("tender")
class Tender extends AbstractAggregateRoot<Tender> {

    private static final String REASON_SEPARATOR = ",";

    @Id
    private String id;
    @Version
    private Long version;
    private String sectionCode;
    private String name;
    private String mainCenter;
    private Category category;
    private BigDecimal estimatedPrice;
    @Embedded.Nullable(prefix = "epc_")
    private EpcParts epcParts;
    private LocalDate evaluationDate;
    private HalfDay halfDay;
    private int committeeSize;
    @MappedCollection(idColumn = "tender_id", keyColumn = "seq_no")
    private List<CommitteeSpecialty> specialties = new ArrayList<>();
    private boolean regulationRequiresCrossProvince;
    private boolean expertShortageAsserted;
    private boolean expertShortageFound;
    private int tendererRepresentatives;
    private String tenderer;
    private String projectCode;
    @MappedCollection(idColumn = "tender_id", keyColumn = "seq_no")
    private List<Bidder> bidders = new ArrayList<>();
    private String biddersRecordedBy;
    private Instant biddersRecordedAt;
    private String expertDrawId;
    /** Null unless the plan came through the exchange, whose partner draws the experts of its seats. */
    private PartnerExpertDraw partnerExpertDraw;
    private String nationalExpertDrawReference;
    private String nationalExpertDrawRecordedBy;
    private Instant nationalExpertDrawRecordedAt;
    @Embedded.Nullable(prefix = "exemption_")
    private Exemption exemption;
    private Scope scope;
    private String scopeReasons;
    private RolloutStatus rollout;
    private TenderState state;
    @Embedded.Nullable(prefix = "winner_")
    private WinningBidder winner;
    @Embedded.Nullable(prefix = "explanation_")
    private ExemptionExplanation explanation;
    @Embedded.Nullable(prefix = "venue_arrangement_")
    private VenueArrangement venueArrangement;
    private String venueDrawId;
    @Embedded.Nullable(prefix = "negotiation_")
    private NegotiationDecision negotiation;
    @Embedded.Nullable(prefix = "withdrawal_")
    private Withdrawal withdrawal;
    private String registeredBy;
    private Instant registeredAt;

    Tender() {
    }

    /**
     * @param shortageFound whether the pool itself is short of experts for the committee (policy 一(5)),
     *        which counts for the scope decision like a shortage staff asserted
     */
    static Tender register(TenderRegistration registration, boolean shortageFound, String registeredBy, Instant now) {
        Tender tender = new Tender();
        tender.id = UUID.randomUUID().toString();
        tender.sectionCode = registration.sectionCode();
        tender.name = registration.name();
        tender.mainCenter = registration.mainCenter();
        tender.category = registration.category();
        tender.estimatedPrice = registration.estimatedPrice();
        tender.epcParts = registration.epcParts();
        tender.evaluationDate = registration.evaluationDate();
        tender.halfDay = registration.halfDay();
        tender.committeeSize = registration.committeeSize();
        tender.specialties = new ArrayList<>(registration.specialties());
        tender.regulationRequiresCrossProvince = registration.regulationRequiresCrossProvince();
        tender.expertShortageAsserted = registration.expertShortageAsserted();
        tender.expertShortageFound = shortageFound;
        tender.tendererRepresentatives = registration.tendererRepresentatives();
        tender.tenderer = registration.tenderer();
        tender.projectCode = registration.projectCode();
        tender.exemption = registration.exemption();
        tender.registeredBy = registeredBy;
        tender.registeredAt = now;
        tender.state = TenderState.REGISTERED;
        tender.registerEvent(new TenderRegistered(tender.id, tender.sectionCode, tender.mainCenter, tender.category,
                registeredBy, now));
        if (tender.exemption != null) {
            // Policy 一(二): a declaration, not a prior approval; the explanation is owed after the award.
            tender.scope = Scope.EXEMPT;
            tender.scopeReasons = tender.exemption.reason().scopeReasonCode();
            tender.state = TenderState.AWAITING_WINNING_BIDDER;
            tender.recordClassified(now);
        }
        return tender;
    }

    void decideScope(ScopeDecision decision, Instant now) {
        if (state != TenderState.REGISTERED || scope != null) {
            throw new TenderStateConflict(id, state, "take a scope decision");
        }
        scope = decision.scope();
        scopeReasons = String.join(REASON_SEPARATOR, decision.reasons());
        if (scope == Scope.CROSS_PROVINCE) {
            // Policy 六: with this province as main venue, the partner province fixes the sub-venues.
            rollout = RolloutStatus.REMOTE;
            state = TenderState.AWAITING_PARTNER_ASSIGNMENT;
            recordClassified(now);
        }
    }

    void assessRollout(RolloutStatus status, Instant now) {
        if (state != TenderState.REGISTERED || scope != Scope.INTRA_PROVINCE) {
            throw new TenderStateConflict(id, state, "be assessed against the rollout");
        }
        rollout = status;
        state = status == RolloutStatus.REMOTE ? TenderState.AWAITING_VENUE_DRAW : TenderState.NOT_IN_ROLLOUT;
        recordClassified(now);
    }

    void recordWinningBidder(String bidder, LocalDate decidedOn, String recordedBy, Instant now) {
        if (state != TenderState.AWAITING_WINNING_BIDDER) {
            throw new TenderStateConflict(id, state, "record a winning bidder");
        }
        winner = new WinningBidder(bidder, decidedOn, recordedBy, now);
        state = TenderState.AWAITING_EXEMPTION_EXPLANATION;
        registerEvent(new WinningBidderRecorded(id, recordedBy, now));
    }

    void fileExemptionExplanation(String text, LocalDate submittedOn, String filedBy, Instant now) {
        if (state != TenderState.AWAITING_EXEMPTION_EXPLANATION) {
            throw new TenderStateConflict(id, state, "file an exemption explanation");
        }
        explanation = new ExemptionExplanation(text, submittedOn, filedBy, now, null, null);
        state = TenderState.EXEMPTION_EXPLAINED;
        registerEvent(new ExemptionExplanationFiled(id, filedBy, now));
    }

    void acknowledgeExemptionExplanation(String supervisor, Instant now) {
        if (state != TenderState.EXEMPTION_EXPLAINED) {
            throw new TenderStateConflict(id, state, "acknowledge an exemption explanation");
        }
        explanation = explanation.acknowledged(supervisor, now);
        state = TenderState.EXEMPTION_ACKNOWLEDGED;
        registerEvent(new ExemptionExplanationAcknowledged(id, supervisor, now));
    }

    void venuesDrawn(String drawId, Instant now) {
        requireState(TenderState.AWAITING_VENUE_DRAW, "take the venues of a random draw");
        venueDrawId = drawId;
        arrangeVenues(VenueArrangementMethod.RANDOM_DRAW, drawId, CurrentActor.SYSTEM, now);
    }

    void venueDrawFailed(String drawId, Instant now) {
        requireState(TenderState.AWAITING_VENUE_DRAW, "record a venue draw without a random pick");
        venueDrawId = drawId;
        state = TenderState.AWAITING_NEGOTIATION_APPROVAL;
    }

    void decideNegotiation(boolean approved, String supervisor, Instant now) {
        requireState(TenderState.AWAITING_NEGOTIATION_APPROVAL, "take the supervisor's decision on negotiation");
        negotiation = new NegotiationDecision(approved, supervisor, now);
        state = approved ? TenderState.NEGOTIATING_VENUES : TenderState.AWAITING_RESCHEDULE;
        registerEvent(new VenueNegotiationDecided(id, approved, supervisor, now));
    }

    void venuesNegotiated(String recordId, String negotiatedBy, Instant now) {
        requireState(TenderState.NEGOTIATING_VENUES, "take negotiated venues");
        arrangeVenues(VenueArrangementMethod.NEGOTIATED, recordId, negotiatedBy, now);
    }

    void partnerAssignmentReceived(String receivedBy, Instant now) {
        requireState(TenderState.AWAITING_PARTNER_ASSIGNMENT, "take the partner province's assignment");
        partnerExpertDraw = throughExchange(receivedBy) ? PartnerExpertDraw.AWAITING : null;
        arrangeVenues(VenueArrangementMethod.PARTNER_PROVINCE, id, receivedBy, now);
    }

    static boolean throughExchange(String receivedBy) {
        return receivedBy != null && receivedBy.startsWith(cn.hlj.remoteeval.tender.TenderDispatch.EXCHANGE_ACTOR_PREFIX);
    }

    /** The main venue holds no expert seat of the committee: its part is complete without a draw. */
    void noExpertSeatsHere(Instant now) {
        if (state != TenderState.AWAITING_EXPERT_DRAW && state != TenderState.EXPERT_SHORTAGE) {
            throw new TenderStateConflict(id, state, "complete the main venue's part without a draw");
        }
        if (partnerExpertDraw == null) {
            throw new TenderStateConflict(id, state, "leave every expert to a partner without a plan through the exchange");
        }
        expertDrawId = null;
        mainVenueExpertsConfirmed();
    }

    /** The partner was asked (again) to draw its seats' experts. */
    void partnerExpertDrawRequested(Instant now) {
        if (partnerExpertDraw != PartnerExpertDraw.AWAITING && partnerExpertDraw != PartnerExpertDraw.SHORT) {
            throw new TenderStateConflict(id, state, "ask a partner for experts");
        }
        partnerExpertDraw = PartnerExpertDraw.AWAITING;
        if (state == TenderState.PARTNER_EXPERT_SHORTAGE) {
            state = TenderState.AWAITING_PARTNER_EXPERTS;
        }
    }

    /**
     * The partner answered every seat of its latest round. The tender's state follows only once the main
     * venue's own experts have all confirmed; until then it shows the main venue's draw.
     */
    void partnerExpertsDrawn(boolean anyShort, Instant now) {
        if (partnerExpertDraw != PartnerExpertDraw.AWAITING) {
            throw new TenderStateConflict(id, state, "take the partner's experts");
        }
        partnerExpertDraw = anyShort ? PartnerExpertDraw.SHORT : PartnerExpertDraw.CONFIRMED;
        if (state == TenderState.AWAITING_PARTNER_EXPERTS) {
            state = anyShort ? TenderState.PARTNER_EXPERT_SHORTAGE : TenderState.READY_FOR_EVALUATION;
        }
    }

    private void mainVenueExpertsConfirmed() {
        if (partnerExpertDraw == null || partnerExpertDraw == PartnerExpertDraw.CONFIRMED) {
            state = TenderState.READY_FOR_EVALUATION;
        } else {
            state = partnerExpertDraw == PartnerExpertDraw.SHORT ? TenderState.PARTNER_EXPERT_SHORTAGE
                    : TenderState.AWAITING_PARTNER_EXPERTS;
        }
    }

    void expertsDrawn(String drawId, Instant now) {
        if (state != TenderState.AWAITING_EXPERT_DRAW && state != TenderState.EXPERT_SHORTAGE) {
            throw new TenderStateConflict(id, state, "take the experts of a draw");
        }
        expertDrawId = drawId;
        state = TenderState.AWAITING_EXPERT_CONFIRMATIONS;
        registerEvent(new ExpertsDrawn(id, drawId, now));
    }

    void expertDrawFailed(String drawId, Instant now) {
        if (state != TenderState.AWAITING_EXPERT_DRAW && state != TenderState.EXPERT_SHORTAGE) {
            throw new TenderStateConflict(id, state, "record an expert draw without a random pick");
        }
        expertDrawId = drawId;
        state = TenderState.EXPERT_SHORTAGE;
    }

    /** Every seat's expert has now accepted: the committee is complete. */
    void committeeComplete(Instant now) {
        if (state == TenderState.EVALUATING) {
            // A no-show's replacement accepted on the day: the evaluation goes on.
            return;
        }
        requireState(TenderState.AWAITING_EXPERT_CONFIRMATIONS, "complete its committee");
        mainVenueExpertsConfirmed();
    }

    /** The evaluation day began at the main venue and the sub-venues (policy 七). */
    void evaluationStarted(Instant now) {
        requireState(TenderState.READY_FOR_EVALUATION, "start its evaluation");
        state = TenderState.EVALUATING;
    }

    /** Every member signed the report; the A/V material now travels to the main venue and the tenderer (policy 八). */
    void evaluationEnded(Instant now) {
        requireState(TenderState.EVALUATING, "end its evaluation");
        state = TenderState.HANDING_OVER;
    }

    /** The main venue handed everything to the tenderer. */
    void materialHandedOver(Instant now) {
        requireState(TenderState.HANDING_OVER, "record the hand-over to the tenderer");
        state = TenderState.HANDED_OVER;
    }

    /** A seat whose expert had accepted is vacant again (no-show, conflict found later). */
    void committeeSeatVacated(Instant now) {
        if (state == TenderState.EVALUATING) {
            // A no-show found at identity verification: the replacement joins a running evaluation.
            return;
        }
        if (state != TenderState.READY_FOR_EVALUATION && state != TenderState.AWAITING_EXPERT_CONFIRMATIONS
                && state != TenderState.AWAITING_PARTNER_EXPERTS && state != TenderState.PARTNER_EXPERT_SHORTAGE) {
            throw new TenderStateConflict(id, state, "vacate a committee seat");
        }
        state = TenderState.AWAITING_EXPERT_CONFIRMATIONS;
    }

    /** A cross-province tender's experts were drawn through the national dispatch system (policy 十). */
    void nationalExpertDrawRecorded(String reference, String recordedBy, Instant now) {
        requireState(TenderState.AWAITING_EXPERT_DRAW, "record the national expert draw");
        if (scope != Scope.CROSS_PROVINCE) {
            throw new TenderStateConflict(id, state, "record a national expert draw for a tender that is not cross-province");
        }
        nationalExpertDrawReference = reference;
        nationalExpertDrawRecordedBy = recordedBy;
        nationalExpertDrawRecordedAt = now;
        state = TenderState.READY_FOR_EVALUATION;
        registerEvent(new NationalExpertDrawRecorded(id, reference, recordedBy, now));
    }

    /**
     * Bid opening makes the bidders known. Experts drawn before must then be checked against them,
     * so the event is recorded whatever the committee's state.
     */
    void recordBidders(List<String> names, String recordedBy, Instant now) {
        if (!canRecordBidders()) {
            throw new TenderStateConflict(id, state, "record its bidders");
        }
        bidders = new ArrayList<>(names.stream().map(Bidder::new).toList());
        biddersRecordedBy = recordedBy;
        biddersRecordedAt = now;
        registerEvent(new BiddersRecorded(id, names.size(), recordedBy, now));
    }

    boolean canRecordBidders() {
        return switch (state) {
            case WITHDRAWN, NOT_IN_ROLLOUT, EXEMPTION_ACKNOWLEDGED -> false;
            default -> true;
        };
    }

    /**
     * Moves the evaluation to another slot. Whatever was booked for the old slot is void, so the
     * venues are arranged again: drawn for an intra-province tender, asked of the partner for a
     * cross-province one.
     */
    void moveEvaluation(Slot to, String movedBy, Instant now) {
        if (!canMoveEvaluation()) {
            throw new TenderStateConflict(id, state, "move its evaluation");
        }
        Slot from = new Slot(evaluationDate, halfDay);
        if (from.equals(to)) {
            throw new TenderStateConflict(id, state, "move its evaluation to the same slot");
        }
        evaluationDate = to.date();
        halfDay = to.halfDay();
        venueArrangement = null;
        venueDrawId = null;
        negotiation = null;
        expertDrawId = null;
        partnerExpertDraw = null;
        state = scope == Scope.CROSS_PROVINCE ? TenderState.AWAITING_PARTNER_ASSIGNMENT : TenderState.AWAITING_VENUE_DRAW;
        registerEvent(new EvaluationMoved(id, from, to, movedBy, now));
    }

    boolean canMoveEvaluation() {
        return switch (state) {
            // EVALUATING included: the day's tasks start when the committee is complete, before the session opens,
            // and an outage on the day may still force a new slot.
            case AWAITING_RESCHEDULE, AWAITING_EXPERT_DRAW, AWAITING_PARTNER_ASSIGNMENT, EXPERT_SHORTAGE,
                    AWAITING_EXPERT_CONFIRMATIONS, AWAITING_PARTNER_EXPERTS, PARTNER_EXPERT_SHORTAGE, READY_FOR_EVALUATION,
                    EVALUATING -> true;
            default -> false;
        };
    }

    void withdraw(String reason, String withdrawnBy, Instant now) {
        if (!canBeWithdrawn()) {
            throw new TenderStateConflict(id, state, "be withdrawn");
        }
        withdrawal = new Withdrawal(reason, withdrawnBy, now);
        state = TenderState.WITHDRAWN;
        registerEvent(new TenderWithdrawn(id, reason, withdrawnBy, now));
    }

    boolean canBeWithdrawn() {
        return switch (state) {
            case WITHDRAWN, NOT_IN_ROLLOUT, EXEMPTION_ACKNOWLEDGED -> false;
            default -> true;
        };
    }

    private void arrangeVenues(VenueArrangementMethod method, String recordId, String by, Instant now) {
        venueArrangement = new VenueArrangement(method, recordId, by, now);
        state = TenderState.AWAITING_EXPERT_DRAW;
        registerEvent(new VenuesArranged(id, method, recordId, by, now));
    }

    private void requireState(TenderState required, String transition) {
        if (state != required) {
            throw new TenderStateConflict(id, state, transition);
        }
    }

    private void recordClassified(Instant now) {
        registerEvent(new TenderClassified(id, scope, scopeReasons(), rollout, state, now));
    }

    String id() {
        return id;
    }

    String sectionCode() {
        return sectionCode;
    }

    String name() {
        return name;
    }

    String mainCenter() {
        return mainCenter;
    }

    Category category() {
        return category;
    }

    BigDecimal estimatedPrice() {
        return estimatedPrice;
    }

    EpcParts epcParts() {
        return epcParts;
    }

    LocalDate evaluationDate() {
        return evaluationDate;
    }

    HalfDay halfDay() {
        return halfDay;
    }

    int committeeSize() {
        return committeeSize;
    }

    List<CommitteeSpecialty> specialties() {
        return List.copyOf(specialties);
    }

    boolean regulationRequiresCrossProvince() {
        return regulationRequiresCrossProvince;
    }

    boolean expertShortageAsserted() {
        return expertShortageAsserted;
    }

    boolean expertShortageFound() {
        return expertShortageFound;
    }

    /** What the scope decision takes as {@code expertShortage}: asserted by staff or found in the pool. */
    boolean expertShortage() {
        return expertShortageAsserted || expertShortageFound;
    }

    int tendererRepresentatives() {
        return tendererRepresentatives;
    }

    String tenderer() {
        return tenderer;
    }

    String projectCode() {
        return projectCode;
    }

    List<String> bidders() {
        return bidders.stream().map(Bidder::name).toList();
    }

    String biddersRecordedBy() {
        return biddersRecordedBy;
    }

    Instant biddersRecordedAt() {
        return biddersRecordedAt;
    }

    String expertDrawId() {
        return expertDrawId;
    }

    PartnerExpertDraw partnerExpertDraw() {
        return partnerExpertDraw;
    }

    String nationalExpertDrawReference() {
        return nationalExpertDrawReference;
    }

    String nationalExpertDrawRecordedBy() {
        return nationalExpertDrawRecordedBy;
    }

    Instant nationalExpertDrawRecordedAt() {
        return nationalExpertDrawRecordedAt;
    }

    Exemption exemption() {
        return exemption;
    }

    Scope scope() {
        return scope;
    }

    List<String> scopeReasons() {
        return scopeReasons == null || scopeReasons.isEmpty() ? List.of()
                : Arrays.asList(scopeReasons.split(REASON_SEPARATOR));
    }

    RolloutStatus rollout() {
        return rollout;
    }

    TenderState state() {
        return state;
    }

    WinningBidder winner() {
        return winner;
    }

    ExemptionExplanation explanation() {
        return explanation;
    }

    Slot slot() {
        return new Slot(evaluationDate, halfDay);
    }

    VenueArrangement venueArrangement() {
        return venueArrangement;
    }

    String venueDrawId() {
        return venueDrawId;
    }

    NegotiationDecision negotiation() {
        return negotiation;
    }

    Withdrawal withdrawal() {
        return withdrawal;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    CommitteeRequirement committeeRequirement() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        specialties.forEach(s -> counts.put(s.code(), s.expertCount()));
        return new CommitteeRequirement(id, committeeSize, tendererRepresentatives, counts, tenderer, projectCode,
                bidders.stream().map(Bidder::name).toList());
    }
}
