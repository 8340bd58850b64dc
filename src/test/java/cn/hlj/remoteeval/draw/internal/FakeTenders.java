package cn.hlj.remoteeval.draw.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.CommitteeRequirement;
import cn.hlj.remoteeval.tender.TenderDispatch;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.Slot;

/** Hand-written tender module: facts to read, and the dispatch transitions recorded as they are called. */
class FakeTenders implements Tenders, TenderDispatch {

    private final Map<String, TenderFacts> facts = new HashMap<>();
    final Map<String, CommitteeRequirement> requirements = new HashMap<>();
    final List<String> transitions = new ArrayList<>();

    TenderFacts add(String id, String mainCenter, Scope scope, TenderState state, Slot slot, int committeeSize) {
        TenderFacts tender = new TenderFacts(id, "S-" + id, mainCenter, Category.SERVICES, scope, state, slot, committeeSize);
        facts.put(id, tender);
        return tender;
    }

    @Override
    public Optional<TenderFacts> find(String tenderId) {
        return Optional.ofNullable(facts.get(tenderId));
    }

    /** Who may read a tender is the tender module's rule, tested there; here every tender is readable. */
    @Override
    public Optional<TenderFacts> findVisibleToCaller(String tenderId) {
        return find(tenderId);
    }

    @Override
    public List<TenderFacts> evaluatedBetween(LocalDate first, LocalDate last, Scope scope) {
        return facts.values().stream().filter(t -> t.scope() == scope && !t.slot().date().isBefore(first)
                && !t.slot().date().isAfter(last)).toList();
    }

    @Override
    public Optional<CommitteeRequirement> committeeRequirement(String tenderId) {
        return Optional.ofNullable(requirements.get(tenderId));
    }

    @Override
    public void venuesDrawn(String tenderId, String drawId) {
        transitions.add("venuesDrawn " + tenderId + " " + drawId);
    }

    @Override
    public void venueDrawFailed(String tenderId, String drawId) {
        transitions.add("venueDrawFailed " + tenderId + " " + drawId);
    }

    @Override
    public void venuesNegotiated(String tenderId, String recordId, String negotiatedBy) {
        transitions.add("venuesNegotiated " + tenderId + " " + recordId);
    }

    @Override
    public void partnerAssignmentReceived(String tenderId, String receivedBy) {
        transitions.add("partnerAssignmentReceived " + tenderId);
    }

    @Override
    public void expertsDrawn(String tenderId, String drawId) {
        transitions.add("expertsDrawn " + tenderId + " " + drawId);
    }

    @Override
    public void expertDrawFailed(String tenderId, String drawId) {
        transitions.add("expertDrawFailed " + tenderId + " " + drawId);
    }

    @Override
    public void expertAnswered(String tenderId, int seat, boolean accepted, boolean committeeComplete) {
        transitions.add("expertAnswered " + tenderId + " " + seat + " " + accepted + " " + committeeComplete);
    }

    @Override
    public void expertSeatVacated(String tenderId, int seat) {
        transitions.add("expertSeatVacated " + tenderId + " " + seat);
    }

    @Override
    public void noExpertSeatsHere(String tenderId) {
        transitions.add("noExpertSeatsHere " + tenderId);
    }

    @Override
    public void partnerExpertDrawRequested(String tenderId) {
        transitions.add("partnerExpertDrawRequested " + tenderId);
    }

    @Override
    public void partnerExpertsDrawn(String tenderId, boolean anyShort) {
        transitions.add("partnerExpertsDrawn " + tenderId + " " + anyShort);
    }
}
