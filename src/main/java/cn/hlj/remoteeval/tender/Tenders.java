package cn.hlj.remoteeval.tender;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.hlj.remoteeval.scope.Scope;

/** Read access to tender sections for other modules. */
public interface Tenders {

    Optional<TenderFacts> find(String tenderId);

    /**
     * The tender as the person calling may know it: present only to its readers (the main center's
     * staff and supervisors, the provincial center, the DRC, operators, its bound tenderer). To anyone
     * else a tender's every address answers as for a tender that does not exist, so that its existence
     * is not revealed.
     */
    Optional<TenderFacts> findVisibleToCaller(String tenderId);

    /** The committee the expert draw must fill, with the organisations its exclusions need. */
    Optional<CommitteeRequirement> committeeRequirement(String tenderId);

    /** The tenders of the scope whose evaluation date lies between {@code first} and {@code last}, both included. */
    List<TenderFacts> evaluatedBetween(LocalDate first, LocalDate last, Scope scope);
}
