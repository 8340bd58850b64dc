package cn.hlj.remoteeval.tender;

import java.util.Optional;

/** Read access to tender sections for other modules. */
public interface Tenders {

    Optional<TenderFacts> find(String tenderId);

    /** The committee the expert draw must fill, with the organisations its exclusions need. */
    Optional<CommitteeRequirement> committeeRequirement(String tenderId);
}
