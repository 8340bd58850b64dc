package cn.hlj.remoteeval.tender.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.ExemptionReason;
import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.VenueArrangementMethod;
import cn.hlj.remoteeval.venue.HalfDay;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A tender section as the API shows it. It never carries an expert or a sub-venue: who evaluates
 * and where stays secret (policy 五、六) and is not part of this view by construction.
 */
@Schema(name = "Tender", description = "标段")
record TenderView(String id, String sectionCode, String name, String mainCenter, Category category,
        String estimatedPrice, EpcPartsView epcParts, LocalDate evaluationDate, HalfDay halfDay, CommitteeView committee,
        boolean regulationRequiresCrossProvince, boolean expertShortageAsserted, ExemptionView exemption, Scope scope,
        List<String> scopeReasons, RolloutStatus rollout, TenderState state, String stateLabel, Instant registeredAt,
        WinnerView winner, ExplanationView exemptionExplanation, VenueArrangementView venueArrangement,
        String venueDrawId, NegotiationView venueNegotiation, WithdrawalView withdrawal, String tenderer,
        String projectCode, boolean expertShortageFound, BiddersView bidders, String expertDrawId) {

    /** The bidders read out at bid opening; empty before it. */
    record BiddersView(List<String> names, Instant recordedAt) {
    }

    /** How the venues were fixed, never which ones they are. */
    record VenueArrangementView(VenueArrangementMethod method, String methodLabel, Instant arrangedAt) {
    }

    record NegotiationView(boolean approved, Instant decidedAt) {
    }

    record WithdrawalView(String reason, Instant withdrawnAt) {
    }

    record EpcPartsView(String construction, String goods, String services) {
    }

    record CommitteeView(int size, int tendererRepresentatives, List<SpecialtyView> specialties) {
    }

    record SpecialtyView(String code, int count) {
    }

    record ExemptionView(ExemptionReason reason, String detail) {
    }

    record WinnerView(String winningBidder, LocalDate decidedOn, Instant recordedAt) {
    }

    record ExplanationView(String explanation, LocalDate submittedOn, Instant filedAt, Instant acknowledgedAt) {
    }

    static TenderView of(Tender tender) {
        EpcParts parts = tender.epcParts();
        Exemption exemption = tender.exemption();
        WinningBidder winner = tender.winner();
        ExemptionExplanation explanation = tender.explanation();
        VenueArrangement arrangement = tender.venueArrangement();
        NegotiationDecision negotiation = tender.negotiation();
        Withdrawal withdrawal = tender.withdrawal();
        return new TenderView(tender.id(), tender.sectionCode(), tender.name(), tender.mainCenter(), tender.category(),
                amount(tender.estimatedPrice()),
                parts == null ? null
                        : new EpcPartsView(amount(parts.constructionPart()), amount(parts.goodsPart()),
                                amount(parts.servicesPart())),
                tender.evaluationDate(), tender.halfDay(),
                new CommitteeView(tender.committeeSize(), tender.tendererRepresentatives(),
                        tender.specialties().stream().map(s -> new SpecialtyView(s.code(), s.expertCount())).toList()),
                tender.regulationRequiresCrossProvince(), tender.expertShortageAsserted(),
                exemption == null ? null : new ExemptionView(exemption.reason(), exemption.detail()),
                tender.scope(), tender.scopeReasons(), tender.rollout(), tender.state(), tender.state().label(),
                tender.registeredAt(),
                winner == null ? null : new WinnerView(winner.name(), winner.decidedOn(), winner.recordedAt()),
                explanation == null ? null
                        : new ExplanationView(explanation.text(), explanation.submittedOn(), explanation.filedAt(),
                                explanation.acknowledgedAt()),
                arrangement == null ? null
                        : new VenueArrangementView(arrangement.method(), arrangement.method().label(),
                                arrangement.arrangedAt()),
                tender.venueDrawId(),
                negotiation == null ? null : new NegotiationView(negotiation.approved(), negotiation.decidedAt()),
                withdrawal == null ? null : new WithdrawalView(withdrawal.reason(), withdrawal.withdrawnAt()),
                tender.tenderer(), tender.projectCode(), tender.expertShortageFound(),
                new BiddersView(tender.bidders(), tender.biddersRecordedAt()), tender.expertDrawId());
    }

    private static String amount(BigDecimal value) {
        return value == null ? null : value.setScale(2).toPlainString();
    }
}
