package cn.hlj.remoteeval.tender.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.CommitteeRequirement;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;

/** The tender facts other modules may read. */
@Component
class TenderFactsQuery implements Tenders {

    private final TenderRepository tenders;
    private final JdbcClient jdbc;
    private final TenderReaders readers;

    TenderFactsQuery(TenderRepository tenders, JdbcClient jdbc, TenderReaders readers) {
        this.tenders = tenders;
        this.jdbc = jdbc;
        this.readers = readers;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TenderFacts> findVisibleToCaller(String tenderId) {
        return tenderId == null ? Optional.empty()
                : tenders.findById(tenderId).filter(t -> readers.maySee(t.mainCenter(), t.tenderer()))
                        .map(TenderFactsQuery::facts);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TenderFacts> find(String tenderId) {
        return tenderId == null ? Optional.empty() : tenders.findById(tenderId).map(TenderFactsQuery::facts);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TenderFacts> evaluatedBetween(LocalDate first, LocalDate last, Scope scope) {
        List<String> ids = jdbc.sql("SELECT id FROM tender WHERE evaluation_date >= ? AND evaluation_date <= ? AND scope = ?")
                .params(first, last, scope.name()).query(String.class).list();
        return tenders.findAllById(ids).stream().map(TenderFactsQuery::facts).toList();
    }

    private static TenderFacts facts(Tender t) {
        return new TenderFacts(t.id(), t.sectionCode(), t.mainCenter(), t.category(), t.scope(), t.state(), t.slot(),
                t.committeeSize());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CommitteeRequirement> committeeRequirement(String tenderId) {
        return tenderId == null ? Optional.empty() : tenders.findById(tenderId).map(Tender::committeeRequirement);
    }
}
