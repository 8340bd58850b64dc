package cn.hlj.remoteeval.tender.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.tender.CommitteeRequirement;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;

/** The tender facts other modules may read. */
@Component
class TenderFactsQuery implements Tenders {

    private final TenderRepository tenders;

    TenderFactsQuery(TenderRepository tenders) {
        this.tenders = tenders;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TenderFacts> find(String tenderId) {
        return tenderId == null ? Optional.empty()
                : tenders.findById(tenderId).map(t -> new TenderFacts(t.id(), t.sectionCode(), t.mainCenter(),
                        t.category(), t.scope(), t.state(), t.slot(), t.committeeSize()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CommitteeRequirement> committeeRequirement(String tenderId) {
        return tenderId == null ? Optional.empty() : tenders.findById(tenderId).map(Tender::committeeRequirement);
    }
}
