package cn.hlj.remoteeval.evaluation;

import java.time.Instant;
import java.util.Optional;

/** What other modules may ask about a tender's evaluation day. */
public interface EvaluationRecords {

    /** When the last member signed the committee's report; empty while the evaluation is not over. */
    Optional<Instant> endedAt(String tenderId);
}
