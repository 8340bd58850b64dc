package cn.hlj.remoteeval.crossprovince.partners;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PartnerTargetAlertStore {

    private final JdbcClient jdbc;

    PartnerTargetAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the alert for this target and state; false when it was raised before (here or on another node). */
    boolean claim(PartnerTargetStatus status, Instant now) {
        try {
            jdbc.sql("INSERT INTO partner_target_alert (target_kind, target_count, due_on, state, judged_on, reached, "
                    + "raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(status.target().kind().name(), status.target().count(), Date.valueOf(status.target().due()),
                            status.state().name(), Date.valueOf(status.on()), status.reached(), Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void processStarted(PartnerTargetStatus status, String processInstanceId) {
        jdbc.sql("UPDATE partner_target_alert SET process_instance_id = ? WHERE target_kind = ? AND target_count = ? "
                + "AND due_on = ? AND state = ?")
                .params(processInstanceId, status.target().kind().name(), status.target().count(),
                        Date.valueOf(status.target().due()), status.state().name())
                .update();
    }

    boolean raised(PartnerTarget target, PartnerTargetState state) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_target_alert WHERE target_kind = ? AND target_count = ? "
                + "AND due_on = ? AND state = ?")
                .params(target.kind().name(), target.count(), Date.valueOf(target.due()), state.name())
                .query(Long.class).single() > 0;
    }
}
