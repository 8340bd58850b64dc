package cn.hlj.remoteeval.tender.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.ExemptionReason;
import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.scope.ScopeDecision;
import cn.hlj.remoteeval.tender.ExemptionExplanationFiled;
import cn.hlj.remoteeval.tender.TenderClassified;
import cn.hlj.remoteeval.tender.TenderRegistered;
import cn.hlj.remoteeval.tender.NationalExpertDrawRecorded;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.WinningBidderRecorded;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.tender.VenueArrangementMethod;
import cn.hlj.remoteeval.tender.VenueNegotiationDecided;
import cn.hlj.remoteeval.tender.VenuesArranged;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

class TenderUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void registrationRecordsWhoRegisteredWhat() {
        Tender tender = Tender.register(registration(null), false, "staff-hrb", NOW);

        assertThat(tender.state()).isEqualTo(TenderState.REGISTERED);
        assertThat(tender.scope()).isNull();
        assertThat(events(tender)).singleElement().isInstanceOfSatisfying(TenderRegistered.class, event -> {
            assertThat(event.registeredBy()).isEqualTo("staff-hrb");
            assertThat(event.registeredAt()).isEqualTo(NOW);
            assertThat(event.mainCenter()).isEqualTo("HRB");
        });
    }

    @Test
    void anExemptionIsRecordedAsScopeAndTheTenderAwaitsItsWinner() {
        Tender tender = Tender.register(registration(new Exemption(ExemptionReason.STATE_SECRET, "涉密")), false, "staff-hrb", NOW);

        assertThat(tender.scope()).isEqualTo(Scope.EXEMPT);
        assertThat(tender.scopeReasons()).containsExactly("EXEMPTION_STATE_SECRET");
        assertThat(tender.rollout()).isNull();
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_WINNING_BIDDER);
        assertThat(events(tender)).hasAtLeastOneElementOfType(TenderClassified.class);
    }

    @Test
    void crossProvinceWaitsForThePartnerProvincesAssignment() {
        Tender tender = Tender.register(registration(null), false, "staff-hrb", NOW);

        tender.decideScope(new ScopeDecision(Scope.CROSS_PROVINCE, List.of("GOODS_THRESHOLD")), NOW);

        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_PARTNER_ASSIGNMENT);
        assertThat(tender.rollout()).isEqualTo(RolloutStatus.REMOTE);
        assertThat(tender.scopeReasons()).containsExactly("GOODS_THRESHOLD");
    }

    @Test
    void intraProvinceWaitsForTheRolloutAssessment() {
        Tender tender = Tender.register(registration(null), false, "staff-hrb", NOW);
        tender.decideScope(new ScopeDecision(Scope.INTRA_PROVINCE, List.of("BELOW_THRESHOLDS")), NOW);
        assertThat(tender.state()).isEqualTo(TenderState.REGISTERED);

        tender.assessRollout(RolloutStatus.NOT_IN_ROLLOUT, NOW);

        assertThat(tender.state()).isEqualTo(TenderState.NOT_IN_ROLLOUT);
        assertThat(tender.rollout()).isEqualTo(RolloutStatus.NOT_IN_ROLLOUT);
    }

    @Test
    void theScopeIsDecidedOnlyOnce() {
        Tender tender = Tender.register(registration(null), false, "staff-hrb", NOW);
        tender.decideScope(new ScopeDecision(Scope.CROSS_PROVINCE, List.of("GOODS_THRESHOLD")), NOW);

        assertThatThrownBy(() -> tender.decideScope(new ScopeDecision(Scope.INTRA_PROVINCE, List.of("BELOW_THRESHOLDS")), NOW))
                .isInstanceOf(TenderStateConflict.class);
        assertThat(tender.scope()).isEqualTo(Scope.CROSS_PROVINCE);
    }

    @Test
    void theRolloutDoesNotApplyToCrossProvinceOrExemptTenders() {
        Tender cross = Tender.register(registration(null), false, "staff-hrb", NOW);
        cross.decideScope(new ScopeDecision(Scope.CROSS_PROVINCE, List.of("GOODS_THRESHOLD")), NOW);
        Tender exempt = Tender.register(registration(new Exemption(ExemptionReason.LAW, "法律规定")), false, "staff-hrb", NOW);

        assertThatThrownBy(() -> cross.assessRollout(RolloutStatus.NOT_IN_ROLLOUT, NOW)).isInstanceOf(TenderStateConflict.class);
        assertThatThrownBy(() -> exempt.assessRollout(RolloutStatus.REMOTE, NOW)).isInstanceOf(TenderStateConflict.class);
        assertThat(cross.state()).isEqualTo(TenderState.AWAITING_PARTNER_ASSIGNMENT);
    }

    @Test
    void winnerThenExplanationCloseTheExemption() {
        Tender tender = Tender.register(registration(new Exemption(ExemptionReason.OTHER, "其他")), false, "staff-hrb", NOW);

        tender.recordWinningBidder("某公司", LocalDate.of(2026, 12, 20), "staff-hrb", NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_EXEMPTION_EXPLANATION);
        tender.fileExemptionExplanation("说明", LocalDate.of(2026, 12, 21), "tenderer", NOW);

        assertThat(tender.state()).isEqualTo(TenderState.EXEMPTION_EXPLAINED);
        tender.acknowledgeExemptionExplanation("supervisor-hrb", NOW);

        assertThat(tender.state()).isEqualTo(TenderState.EXEMPTION_ACKNOWLEDGED);
        assertThat(tender.explanation().acknowledgedBy()).isEqualTo("supervisor-hrb");
        assertThat(events(tender)).hasAtLeastOneElementOfType(WinningBidderRecorded.class)
                .hasAtLeastOneElementOfType(ExemptionExplanationFiled.class)
                .hasAtLeastOneElementOfType(cn.hlj.remoteeval.tender.ExemptionExplanationAcknowledged.class);
    }

    @Test
    void theExplanationCannotPrecedeTheWinnerAndANonExemptTenderTakesNoWinner() {
        Tender exempt = Tender.register(registration(new Exemption(ExemptionReason.OTHER, "其他")), false, "staff-hrb", NOW);
        Tender remote = Tender.register(registration(null), false, "staff-hrb", NOW);

        assertThatThrownBy(() -> exempt.fileExemptionExplanation("说明", LocalDate.now(), "tenderer", NOW))
                .isInstanceOf(TenderStateConflict.class);
        assertThatThrownBy(() -> remote.recordWinningBidder("某公司", LocalDate.now(), "staff-hrb", NOW))
                .isInstanceOf(TenderStateConflict.class);
        assertThatThrownBy(() -> exempt.acknowledgeExemptionExplanation("supervisor-hrb", NOW))
                .isInstanceOf(TenderStateConflict.class);
    }

    @Test
    void aSuccessfulDrawFixesTheVenuesAndTheTenderAwaitsItsExperts() {
        Tender tender = awaitingVenueDraw();

        tender.venuesDrawn("draw-1", NOW);

        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_EXPERT_DRAW);
        assertThat(tender.venueArrangement().method()).isEqualTo(VenueArrangementMethod.RANDOM_DRAW);
        assertThat(tender.venueDrawId()).isEqualTo("draw-1");
        assertThat(events(tender)).hasAtLeastOneElementOfType(VenuesArranged.class);
    }

    @Test
    void negotiationNeedsTheSupervisorsApprovalAndRecordsWhoNegotiatedWhen() {
        Tender tender = awaitingVenueDraw();
        tender.venueDrawFailed("draw-2", NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_NEGOTIATION_APPROVAL);
        assertThatThrownBy(() -> tender.venuesNegotiated("rec-1", "staff-hrb", NOW)).isInstanceOf(TenderStateConflict.class);

        tender.decideNegotiation(true, "supervisor-hrb", NOW);
        assertThat(tender.state()).isEqualTo(TenderState.NEGOTIATING_VENUES);
        tender.venuesNegotiated("rec-1", "staff-hrb", NOW.plusSeconds(60));

        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_EXPERT_DRAW);
        assertThat(tender.venueArrangement()).isEqualTo(new VenueArrangement(VenueArrangementMethod.NEGOTIATED, "rec-1",
                "staff-hrb", NOW.plusSeconds(60)));
        assertThat(events(tender)).filteredOn(VenueNegotiationDecided.class::isInstance).singleElement()
                .isEqualTo(new VenueNegotiationDecided(tender.id(), true, "supervisor-hrb", NOW));
    }

    @Test
    void aRefusalSendsTheTenderToRescheduleAndTheMoveDrawsAgain() {
        Tender tender = awaitingVenueDraw();
        tender.venueDrawFailed("draw-3", NOW);
        tender.decideNegotiation(false, "supervisor-hrb", NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_RESCHEDULE);

        Slot to = new Slot(LocalDate.of(2027, 1, 5), HalfDay.PM);
        tender.moveEvaluation(to, "staff-hrb", NOW);

        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_VENUE_DRAW);
        assertThat(tender.slot()).isEqualTo(to);
        assertThat(tender.venueDrawId()).isNull();
        assertThat(events(tender)).filteredOn(EvaluationMoved.class::isInstance).singleElement()
                .isEqualTo(new EvaluationMoved(tender.id(), new Slot(LocalDate.of(2026, 12, 30), HalfDay.AM), to,
                        "staff-hrb", NOW));
    }

    @Test
    void theEvaluationCannotMoveWhileTheDrawRunsNorToTheSameSlot() {
        Tender tender = awaitingVenueDraw();
        assertThatThrownBy(() -> tender.moveEvaluation(new Slot(LocalDate.of(2027, 1, 5), HalfDay.PM), "staff-hrb", NOW))
                .isInstanceOf(TenderStateConflict.class);
        tender.venuesDrawn("draw-4", NOW);

        assertThatThrownBy(() -> tender.moveEvaluation(tender.slot(), "staff-hrb", NOW))
                .isInstanceOf(TenderStateConflict.class);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_EXPERT_DRAW);
    }

    @Test
    void theNationalExpertDrawIsRecordedWithWhoRecordedItAndWhen() {
        Tender tender = Tender.register(registration(null), false, "staff-hrb", NOW);
        tender.decideScope(new ScopeDecision(Scope.CROSS_PROVINCE, List.of("GOODS_THRESHOLD")), NOW);
        tender.partnerAssignmentReceived("staff-prov", NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_EXPERT_DRAW);
        Instant recordedAt = NOW.plusSeconds(3600);

        tender.nationalExpertDrawRecorded("NAT-2026-0001", "staff-prov", recordedAt);

        assertThat(tender.state()).isEqualTo(TenderState.READY_FOR_EVALUATION);
        assertThat(tender.nationalExpertDrawReference()).isEqualTo("NAT-2026-0001");
        assertThat(tender.nationalExpertDrawRecordedBy()).isEqualTo("staff-prov");
        assertThat(tender.nationalExpertDrawRecordedAt()).isEqualTo(recordedAt);
        assertThat(events(tender)).filteredOn(NationalExpertDrawRecorded.class::isInstance).singleElement()
                .isEqualTo(new NationalExpertDrawRecorded(tender.id(), "NAT-2026-0001", "staff-prov", recordedAt));
        assertThatThrownBy(() -> tender.nationalExpertDrawRecorded("NAT-2026-0002", "staff-prov", recordedAt))
                .isInstanceOf(TenderStateConflict.class);
        assertThat(tender.nationalExpertDrawReference()).isEqualTo("NAT-2026-0001");
    }

    @Test
    void aMovedCrossProvinceTenderAsksThePartnerAgain() {
        Tender tender = Tender.register(registration(null), false, "staff-hrb", NOW);
        tender.decideScope(new ScopeDecision(Scope.CROSS_PROVINCE, List.of("GOODS_THRESHOLD")), NOW);
        tender.partnerAssignmentReceived("staff-prov", NOW);
        assertThat(tender.venueArrangement().method()).isEqualTo(VenueArrangementMethod.PARTNER_PROVINCE);

        tender.moveEvaluation(new Slot(LocalDate.of(2027, 1, 5), HalfDay.PM), "staff-hrb", NOW);

        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_PARTNER_ASSIGNMENT);
        assertThat(tender.venueArrangement()).isNull();
    }

    @Test
    void withdrawalIsRecordedOnceAndNotAfterTheEnd() {
        Tender tender = awaitingVenueDraw();
        tender.venuesDrawn("draw-5", NOW);

        tender.withdraw("项目取消", "staff-hrb", NOW);

        assertThat(tender.state()).isEqualTo(TenderState.WITHDRAWN);
        assertThat(events(tender)).hasAtLeastOneElementOfType(TenderWithdrawn.class);
        assertThatThrownBy(() -> tender.withdraw("再次撤回", "staff-hrb", NOW)).isInstanceOf(TenderStateConflict.class);
    }

    @Test
    void theEvaluationDayStartsOnlyWithACompleteCommitteeAndEndsInTheHandOver() {
        Tender tender = awaitingVenueDraw();
        tender.venuesDrawn("draw-6", NOW);
        tender.expertsDrawn("expert-draw-6", NOW);
        assertThatThrownBy(() -> tender.evaluationStarted(NOW)).isInstanceOf(TenderStateConflict.class);
        tender.committeeComplete(NOW);

        tender.evaluationStarted(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.EVALUATING);
        assertThatThrownBy(() -> tender.materialHandedOver(NOW)).isInstanceOf(TenderStateConflict.class);
        tender.evaluationEnded(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.HANDING_OVER);
        assertThatThrownBy(() -> tender.moveEvaluation(new Slot(LocalDate.of(2027, 1, 5), HalfDay.PM), "staff-hrb", NOW))
                .isInstanceOf(TenderStateConflict.class);
        tender.materialHandedOver(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.HANDED_OVER);
    }

    @Test
    void aNoShowOnTheDayAndItsReplacementLeaveTheEvaluationRunning() {
        Tender tender = awaitingVenueDraw();
        tender.venuesDrawn("draw-7", NOW);
        tender.expertsDrawn("expert-draw-7", NOW);
        tender.committeeComplete(NOW);
        tender.evaluationStarted(NOW);

        tender.committeeSeatVacated(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.EVALUATING);
        tender.committeeComplete(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.EVALUATING);
    }

    @Test
    void aPlanThroughTheExchangeIsReadyOnlyWhenTheMainVenuesAndThePartnersExpertsAllConfirmed() {
        Tender tender = exchangePlan();
        assertThat(tender.partnerExpertDraw()).isEqualTo(PartnerExpertDraw.AWAITING);
        tender.partnerExpertDrawRequested(NOW);
        tender.expertsDrawn("expert-draw-8", NOW);

        tender.committeeComplete(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_PARTNER_EXPERTS);
        assertThatThrownBy(() -> tender.evaluationStarted(NOW)).isInstanceOf(TenderStateConflict.class);

        tender.partnerExpertsDrawn(true, NOW);
        assertThat(tender.state()).isEqualTo(TenderState.PARTNER_EXPERT_SHORTAGE);
        tender.partnerExpertDrawRequested(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_PARTNER_EXPERTS);
        tender.partnerExpertsDrawn(false, NOW);
        assertThat(tender.state()).isEqualTo(TenderState.READY_FOR_EVALUATION);
        assertThatThrownBy(() -> tender.partnerExpertsDrawn(false, NOW)).isInstanceOf(TenderStateConflict.class);
    }

    @Test
    void thePartnersAnswerBeforeTheMainVenuesLeavesTheStateToTheMainVenuesDraw() {
        Tender tender = exchangePlan();
        tender.partnerExpertDrawRequested(NOW);
        tender.expertsDrawn("expert-draw-9", NOW);

        tender.partnerExpertsDrawn(false, NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_EXPERT_CONFIRMATIONS);
        tender.committeeComplete(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.READY_FOR_EVALUATION);
    }

    @Test
    void aVacatedMainVenueSeatWhileThePartnerDrawsGoesBackToConfirmationsAndAMoveForgetsThePartnersDraw() {
        Tender tender = exchangePlan();
        tender.partnerExpertDrawRequested(NOW);
        tender.expertsDrawn("expert-draw-10", NOW);
        tender.committeeComplete(NOW);

        tender.committeeSeatVacated(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_EXPERT_CONFIRMATIONS);
        tender.moveEvaluation(new Slot(LocalDate.of(2027, 1, 5), HalfDay.PM), "staff-hrb", NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_PARTNER_ASSIGNMENT);
        assertThat(tender.partnerExpertDraw()).isNull();
    }

    @Test
    void withNoExpertSeatHereOnlyThePartnersExpertsAreAwaitedAndOnlyForAPlanThroughTheExchange() {
        Tender tender = exchangePlan();
        tender.partnerExpertDrawRequested(NOW);

        tender.noExpertSeatsHere(NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_PARTNER_EXPERTS);
        tender.partnerExpertsDrawn(false, NOW);
        assertThat(tender.state()).isEqualTo(TenderState.READY_FOR_EVALUATION);

        Tender byHand = Tender.register(registration(null), false, "staff-hrb", NOW);
        byHand.decideScope(new ScopeDecision(Scope.CROSS_PROVINCE, List.of("GOODS_THRESHOLD")), NOW);
        byHand.partnerAssignmentReceived("staff-prov", NOW);
        assertThat(byHand.partnerExpertDraw()).isNull();
        assertThatThrownBy(() -> byHand.noExpertSeatsHere(NOW)).isInstanceOf(TenderStateConflict.class);
        assertThatThrownBy(() -> byHand.partnerExpertDrawRequested(NOW)).isInstanceOf(TenderStateConflict.class);
    }

    private static Tender exchangePlan() {
        Tender tender = Tender.register(registration(null), false, "staff-hrb", NOW);
        tender.decideScope(new ScopeDecision(Scope.CROSS_PROVINCE, List.of("GOODS_THRESHOLD")), NOW);
        tender.partnerAssignmentReceived("exchange:JL", NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_EXPERT_DRAW);
        return tender;
    }

    private static Tender awaitingVenueDraw() {
        Tender tender = Tender.register(registration(null), false, "staff-hrb", NOW);
        tender.decideScope(new ScopeDecision(Scope.INTRA_PROVINCE, List.of("BELOW_THRESHOLDS")), NOW);
        tender.assessRollout(RolloutStatus.REMOTE, NOW);
        assertThat(tender.state()).isEqualTo(TenderState.AWAITING_VENUE_DRAW);
        return tender;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> events(Tender tender) {
        return List.copyOf((java.util.Collection<Object>) ReflectionTestUtils.invokeMethod(tender, "domainEvents"));
    }

    private static TenderRegistration registration(Exemption exemption) {
        return new TenderRegistration("S-1", "某标段", "HRB", Category.GOODS, new BigDecimal("1000.00"), null,
                LocalDate.of(2026, 12, 30), HalfDay.AM, 5, 0, List.of(new CommitteeSpecialty("A01", 5)), false, false,
                exemption, "某招标人", "P-1");
    }
}
