package cn.hlj.remoteeval.crossprovince.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The rules of a hosted session's day and of its clues, on the V43 tables in H2: what goes to the partner
 * (by session code, under its tender reference), once; the signed report's event; the hand-over's
 * deadline from the day the session ended; incidents and clues kept encrypted and audited without text.
 */
class HostedSessionsUnitTest {

    static final Instant NOW = Instant.parse("2031-05-06T07:10:00Z");
    private static final String SESSION = "RS-QX7K3M9D";

    private final HostingStore hostings = mock(HostingStore.class);
    private final SeatBookings bookings = mock(SeatBookings.class);
    private final ExchangeOutbox outbox = mock(ExchangeOutbox.class);
    private final Deadlines deadlines = mock(Deadlines.class);
    private final PersonalDataCipher cipher = mock(PersonalDataCipher.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private JdbcClient jdbc;
    private HostedSessions sessions;
    private HostedClues clues;
    private PartnerHosting hosting;

    @BeforeEach
    void tables() throws IOException {
        jdbc = v43();
        sessions = new HostedSessions(hostings, bookings, outbox, deadlines, cipher, events, jdbc, audit, json, clock);
        clues = new HostedClues(hostings, bookings, outbox, cipher, jdbc, audit, json, clock);
        hosting = hosting(HostingState.ACTIVE);
        when(bookings.sessionCodeOf("h-1", "QQHR")).thenReturn(Optional.of(SESSION));
        when(cipher.encrypt(anyString())).thenAnswer(call -> "enc(" + call.getArgument(0).hashCode() + ")");
        when(outbox.send(anyString(), any(), anyString(), any(), any())).thenReturn(UUID.randomUUID().toString());
    }

    /** The tables of V43 as the migration creates them, on a fresh in-memory H2. */
    static JdbcClient v43() throws IOException {
        DriverManagerDataSource source = new DriverManagerDataSource("jdbc:h2:mem:v43-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(source);
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V43__hosted_session.sql"));
        for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        return jdbc;
    }

    @Test
    void theProcessStartsWithIdsTheSessionCodeAndTheSlotButNeverTheHostingCenter() {
        Map<String, Object> variables = sessions.processVariables("h-1");

        assertThat(variables).containsExactlyInAnyOrderEntriesOf(Map.of("hostingId", "h-1", "sessionCode", SESSION,
                "evaluationDate", "2031-05-06", "halfDay", "PM"));
        assertThat(variables.values()).doesNotContain("QQHR", "JL");
    }

    @Test
    void theSessionsStartGoesToThePartnerByItsSessionCodeUnderItsTenderRefOnce() {
        Instant started = sessions.opened("h-1", true, "staff-qqhr");

        ArgumentCaptor<JsonNode> body = ArgumentCaptor.forClass(JsonNode.class);
        verify(outbox).send(eq("JL"), eq(MessageType.SESSION_STARTED), eq("T-8f2c"), body.capture(), isNull());
        assertThat(body.getValue().toString()).isEqualTo("{\"sessionRef\":\"" + SESSION + "\",\"startedAt\":\"" + started + "\"}");
        assertThat(started).isEqualTo(NOW);
        assertThatThrownBy(() -> sessions.opened("h-1", true, "staff-qqhr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不能重复");
    }

    @Test
    void anUnconfirmedStepOrACancelledHostingSendsNothing() {
        assertThatThrownBy(() -> sessions.opened("h-1", false, "staff-qqhr")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sessions.dutyDone("h-1", "PrepareWorkstations", name -> null, "staff-qqhr"))
                .isInstanceOf(IllegalArgumentException.class);
        hosting = hosting(HostingState.CANCELLED);
        assertThatThrownBy(() -> sessions.closed("h-1", true, "staff-qqhr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("已取消");
        verify(outbox, never()).send(anyString(), any(), anyString(), any(), any());
        verify(deadlines, never()).open(any(), anyString(), anyString(), any());
    }

    @Test
    void aDutyIsDoneWhenItsOwnBoxIsTicked() {
        sessions.dutyDone("h-1", "ArrangeMealsAndLodging", Map.<String, Object>of("mealsAndLodgingArranged", true)::get,
                "staff-qqhr");

        verify(audit).append(NOW, "staff-qqhr", "HOSTED_SESSION_DUTY_DONE", "PARTNER_HOSTING", "h-1", "duty=ArrangeMealsAndLodging");
        assertThatThrownBy(() -> sessions.dutyDone("h-1", "ConnectAudioVideo",
                Map.<String, Object>of("mealsAndLodgingArranged", true)::get, "staff-qqhr")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignedReportIsAnnouncedOnceAsHostedReportSigned() {
        assertThatThrownBy(() -> sessions.reportSigned("h-1", null, "staff-qqhr")).isInstanceOf(IllegalArgumentException.class);
        verify(events, never()).publishEvent(any(Object.class));

        sessions.reportSigned("h-1", true, "staff-qqhr");

        verify(events).publishEvent(new HostedReportSigned("h-1", NOW));
        assertThatThrownBy(() -> sessions.reportSigned("h-1", true, "staff-qqhr")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSessionsEndGoesToThePartnerAndTheHandOversDeadlineRunsFromTheDayItEndedInTheProvince() {
        DeadlineTicket ticket = new DeadlineTicket("d-1", DeadlineKind.AV_HANDOVER_TO_MAIN, DeadlineState.SCHEDULED,
                LocalDate.of(2031, 5, 13), Instant.parse("2031-05-13T15:59:59Z"), null, null);
        when(deadlines.open(DeadlineKind.AV_HANDOVER_TO_MAIN, "h-1", "h-1", LocalDate.of(2031, 5, 6))).thenReturn(ticket);

        assertThat(sessions.closed("h-1", true, "staff-qqhr")).isEqualTo(ticket);

        ArgumentCaptor<JsonNode> body = ArgumentCaptor.forClass(JsonNode.class);
        verify(outbox).send(eq("JL"), eq(MessageType.SESSION_ENDED), eq("T-8f2c"), body.capture(), isNull());
        assertThat(body.getValue().get("endedAt").asText()).isEqualTo(NOW.toString());
        sessions.materialHandedOver("h-1");
        verify(deadlines).complete("d-1");
    }

    @Test
    void anIncidentIsKeptEncryptedHereAndAuditedWithoutItsDescription() {
        String id = sessions.incident("h-1", "EXPERT_UNWELL", true, "专家张三突发不适", "staff-qqhr");

        assertThat(jdbc.sql("SELECT description_cipher FROM hosted_session_incident WHERE id = ?").param(id).query(String.class)
                .single()).doesNotContain("张三");
        ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
        verify(audit).append(eq(NOW), eq("staff-qqhr"), eq("HOSTED_SESSION_INCIDENT"), anyString(), eq("h-1"), detail.capture());
        assertThat(detail.getValue()).contains("EXPERT_UNWELL").doesNotContain("张三");
        verify(outbox, never()).send(anyString(), any(), anyString(), any(), any());
        assertThatThrownBy(() -> sessions.incident("h-1", "FIRE", false, "x", "staff-qqhr"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClueGoesToThePartnerWithItsDescriptionSealedAndIsAuditedWithoutIt() {
        String ref = clues.passOn("h-1", "FRAUD", "2031-05-06", "投标文件雷同", "staff-qqhr");

        ArgumentCaptor<JsonNode> body = ArgumentCaptor.forClass(JsonNode.class);
        ArgumentCaptor<JsonNode> secret = ArgumentCaptor.forClass(JsonNode.class);
        verify(outbox).send(eq("JL"), eq(MessageType.CLUE_PASSED_ON), eq("T-8f2c"), body.capture(), secret.capture());
        assertThat(body.getValue().toString()).isEqualTo("{\"sessionRef\":\"" + SESSION + "\",\"clueRef\":\"" + ref
                + "\",\"category\":\"FRAUD\",\"foundOn\":\"2031-05-06\"}");
        assertThat(secret.getValue().toString()).isEqualTo("{\"description\":\"投标文件雷同\"}");
        assertThat(ref).matches("[A-Za-z0-9-]{1,64}");
        ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
        verify(audit).append(eq(NOW), eq("staff-qqhr"), eq("HOSTED_CLUE_PASSED_ON"), anyString(), eq("h-1"), detail.capture());
        assertThat(detail.getValue()).contains(ref).doesNotContain("雷同");
        assertThat(jdbc.sql("SELECT description_cipher FROM hosted_session_clue WHERE clue_ref = ?").param(ref).query(String.class)
                .single()).doesNotContain("雷同");
    }

    @Test
    void aClueFromTheFutureBeforeTheHostingOrWithoutCategoryOrTextIsRefusedAndNothingIsSent() {
        assertThatThrownBy(() -> clues.passOn("h-1", "FRAUD", "2031-05-07", "x", "s")).hasMessageContaining("晚于今天");
        assertThatThrownBy(() -> clues.passOn("h-1", "FRAUD", "2031-04-30", "x", "s")).hasMessageContaining("早于");
        assertThatThrownBy(() -> clues.passOn("h-1", "BRIBERY", "2031-05-06", "x", "s")).hasMessageContaining("类别");
        assertThatThrownBy(() -> clues.passOn("h-1", "FRAUD", "2031-05-06", null, "s")).hasMessageContaining("线索内容");
        assertThatThrownBy(() -> clues.passOn("h-1", "FRAUD", "2031-05-06", "长".repeat(1501), "s")).hasMessageContaining("1500");
        verify(outbox, never()).send(anyString(), any(), anyString(), any(), any());
    }

    private PartnerHosting hosting(HostingState state) {
        PartnerHosting h = new PartnerHosting("h-1", "JL", "T-8f2c", "QQHR", new Slot(LocalDate.of(2031, 5, 6), HalfDay.PM), 2,
                state, "exchange:JL", Instant.parse("2031-05-01T02:00:00Z"), null, null);
        when(hostings.find("h-1")).thenReturn(Optional.of(h));
        return h;
    }
}
