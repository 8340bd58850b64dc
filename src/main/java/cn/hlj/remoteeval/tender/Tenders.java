package cn.hlj.remoteeval.tender;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.hlj.remoteeval.scope.Scope;

/** Read access to tender sections for other modules. */
public interface Tenders {

    Optional<TenderFacts> find(String tenderId);

    /** The committee the expert draw must fill, with the organisations its exclusions need. */
    Optional<CommitteeRequirement> committeeRequirement(String tenderId);

    /** The tenders of the scope whose evaluation date lies between {@code first} and {@code last}, both included. */
    List<TenderFacts> evaluatedBetween(LocalDate first, LocalDate last, Scope scope);
}
