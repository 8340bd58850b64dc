package cn.hlj.remoteeval.crossprovince.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerSessions;
import cn.hlj.remoteeval.crossprovince.PartnerSessions.PartnerSession;
import cn.hlj.remoteeval.evaluation.PartnerSessionSigned;
import cn.hlj.remoteeval.evaluation.RemoteSessions;

/**
 * What a partner reports of its sessions counts only from the partner that holds the session for that tender,
 * once, and a session is signed only when its report covers every one of its seats. The table is the real one
 * (migration V41 on an in-memory H2 database); the plan and the audit log stand in.
 */
class PartnerSessionProgressUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2031-05-06T04:00:00Z");
    private static final String TENDER = "t-1";

    private final PartnerSessions plan = mock(PartnerSessions.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final List<Object> published = new ArrayList<>();
    private JdbcClient jdbc;
    private PartnerSessionProgress progress;

    @BeforeEach
    void oneTenderWithTwoSessionsOfPartnerJl() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:progress-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql(Files.readString(Path.of("src/main/resources/db/migration/V41__partner_session_progress.sql"))).update();
        when(plan.ofTender(TENDER)).thenReturn(List.of(new PartnerSession("JL", "RS-A", 2), new PartnerSession("JL", "RS-B", 1)));
        progress = new PartnerSessionProgress(jdbc, plan, published::add, audit, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theEvaluationDayGetsThePlansSessionReferencesAndNoneForATenderWithout() {
        assertThat(progress.of(TENDER)).containsExactly("RS-A", "RS-B");
        assertThat(progress.of("t-hand-entered")).isEmpty();
        assertThat(progress.signed(TENDER, "RS-A")).isFalse();
        assertThat(progress.progress(TENDER)).extracting(RemoteSessions.Progress::sessionRef).containsExactly("RS-A", "RS-B");
    }

    @Test
    void aSessionIsSignedOnceItsReportCoversEverySeatAndTheEvaluationDayHearsItOnce() throws Exception {
        progress.signaturesCollected("JL", TENDER, signatures("RS-A", "S-1"));
        assertThat(progress.signed(TENDER, "RS-A")).isFalse();
        assertThat(published).isEmpty();

        progress.signaturesCollected("JL", TENDER, signatures("RS-A", "S-1", "S-2"));
        progress.signaturesCollected("JL", TENDER, signatures("RS-A", "S-1", "S-2"));

        assertThat(progress.signed(TENDER, "RS-A")).isTrue();
        assertThat(progress.signed(TENDER, "RS-B")).isFalse();
        assertThat(published).containsExactly(new PartnerSessionSigned(TENDER, "RS-A"));
        RemoteSessions.Progress a = progress.progress(TENDER).get(0);
        assertThat(a.signatures()).isEqualTo(2);
        assertThat(a.signedAt()).isEqualTo(Instant.parse("2031-05-06T03:02:00Z"));
        assertThat(jdbc.sql("SELECT signatures FROM partner_session_progress WHERE session_ref = 'RS-A'").query(String.class)
                .single()).contains("SIG-S-2").doesNotContain("JL");
    }

    @Test
    void signaturesReportedInSeveralMessagesAddUpToASignedSession() throws Exception {
        progress.signaturesCollected("JL", TENDER, signatures("RS-A", "S-1"));
        progress.signaturesCollected("JL", TENDER, signatures("RS-A", "S-2"));

        assertThat(progress.signed(TENDER, "RS-A")).isTrue();
        assertThat(published).containsExactly(new PartnerSessionSigned(TENDER, "RS-A"));
        assertThat(progress.progress(TENDER).get(0).signatures()).isEqualTo(2);
    }

    @Test
    void aReportFromAPartnerThatDoesNotHoldTheSessionIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> progress.signaturesCollected("SD", TENDER, signatures("RS-B", "S-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("没有贵省的场次 RS-B");
        assertThatThrownBy(() -> progress.started("SD", TENDER, body("RS-A", "startedAt", "2031-05-06T01:00:00Z")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(progress.signed(TENDER, "RS-B")).isFalse();
        assertThat(progress.progress(TENDER)).allSatisfy(p -> assertThat(p.startedAt()).isNull());
        assertThat(published).isEmpty();
    }

    @Test
    void aReportForASessionOutsideTheTendersPlanIsRefused() {
        assertThatThrownBy(() -> progress.ended("JL", TENDER, body("RS-UNKNOWN", "endedAt", "2031-05-06T05:00:00Z")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RS-UNKNOWN");
        assertThatThrownBy(() -> progress.signaturesCollected("JL", "t-other", signatures("RS-A", "S-1", "S-2")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_session_progress").query(Long.class).single()).isZero();
    }

    @Test
    void moreSignaturesThanTheSessionHasSeatsOrASeatTwiceAreRefused() {
        assertThatThrownBy(() -> progress.signaturesCollected("JL", TENDER, signatures("RS-B", "S-1", "S-2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("只有 1 个评标专家席位");
        assertThatThrownBy(() -> progress.signaturesCollected("JL", TENDER, signatures("RS-A", "S-1", "S-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("同一席位");
        assertThat(progress.signed(TENDER, "RS-A")).isFalse();
        assertThat(progress.signed(TENDER, "RS-B")).isFalse();
        assertThat(published).isEmpty();
    }

    @Test
    void aStartAndAnEndKeepTheirFirstReportedTime() throws Exception {
        progress.started("JL", TENDER, body("RS-A", "startedAt", "2031-05-06T01:00:00Z"));
        progress.started("JL", TENDER, body("RS-A", "startedAt", "2031-05-06T01:30:00Z"));
        progress.ended("JL", TENDER, body("RS-A", "endedAt", "2031-05-06T05:00:00Z"));
        progress.ended("JL", TENDER, body("RS-A", "endedAt", "2031-05-06T06:00:00Z"));

        RemoteSessions.Progress a = progress.progress(TENDER).get(0);
        assertThat(a.startedAt()).isEqualTo(Instant.parse("2031-05-06T01:00:00Z"));
        assertThat(a.endedAt()).isEqualTo(Instant.parse("2031-05-06T05:00:00Z"));
        assertThat(a.signedAt()).isNull();
        assertThat(progress.progress(TENDER).get(1).startedAt()).isNull();
    }

    private static JsonNode body(String sessionRef, String field, String at) {
        return JSON.createObjectNode().put("sessionRef", sessionRef).put(field, at);
    }

    private static JsonNode signatures(String sessionRef, String... seatRefs) {
        var body = JSON.createObjectNode().put("sessionRef", sessionRef);
        var seats = body.putArray("seats");
        for (int i = 0; i < seatRefs.length; i++) {
            seats.addObject().put("seatRef", seatRefs[i]).put("signatureRef", "SIG-" + seatRefs[i])
                    .put("signedAt", "2031-05-06T03:0" + (i + 1) + ":00Z");
        }
        return body;
    }
}
