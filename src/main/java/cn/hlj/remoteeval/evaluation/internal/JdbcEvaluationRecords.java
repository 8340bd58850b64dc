package cn.hlj.remoteeval.evaluation.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.evaluation.EvaluationRecords;

@Component
class JdbcEvaluationRecords implements EvaluationRecords {

    private final EvaluationDayStore store;

    JdbcEvaluationRecords(EvaluationDayStore store) {
        this.store = store;
    }

    @Override
    public Optional<Instant> endedAt(String tenderId) {
        return store.endedAt(tenderId);
    }
}
