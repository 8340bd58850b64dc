package cn.hlj.remoteeval.tender;

import java.util.Optional;

/** Read access to tender sections for other modules. */
public interface Tenders {

    Optional<TenderFacts> find(String tenderId);
}
