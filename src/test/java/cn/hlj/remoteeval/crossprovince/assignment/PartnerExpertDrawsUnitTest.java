package cn.hlj.remoteeval.crossprovince.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerSessions.PartnerSession;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.tender.CommitteeRequirement;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderDispatch;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The partner's share of the committee through the exchange, on the real table (H2 with the application's
 * migrations): what the requests carry, and which results count: only the session's partner, only the seats
 * of the latest round, a repeated answer once, and the lifecycle told once per round.
 */
class PartnerExpertDrawsUnitTest {

    private static final String TENDER = "t-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tenders tenders = mock(Tenders.class);
    private final TenderDispatch dispatch = mock(TenderDispatch.class);
    private final ExchangePartnerSessions sessions = mock(ExchangePartnerSessions.class);
    private final ExchangeOutbox outbox = mock(ExchangeOutbox.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final List<Sent> sent = new ArrayList<>();
    private JdbcClient jdbc;
    private PartnerExpertDraws draws;

    record Sent(String receiver, MessageType type, String correlationId, JsonNode body) {
    }

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:partner-experts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        draws = new PartnerExpertDraws(tenders, dispatch, sessions, new PartnerExpertSeats(jdbc), outbox, audit, JSON,
                Clock.fixed(Instant.parse("2031-03-01T02:00:00Z"), ZoneOffset.UTC));
        Map<String, Integer> specialties = new LinkedHashMap<>();
        specialties.put("A0101", 3);
        specialties.put("B02", 2);
        specialties.put("C03", 1);
        // 7 members, 1 tenderer's representative: 6 experts, 2 at the main venue and 4 at the partner's two sessions.
        when(tenders.committeeRequirement(TENDER)).thenReturn(Optional.of(new CommitteeRequirement(TENDER, 7, 1, specialties,
                "某某建设集团有限公司", null, List.of("甲公司", "乙公司", " ", "甲公司"))));
        when(sessions.ofTender(TENDER)).thenReturn(List.of(new PartnerSession("JL", "RS-AAA", 3),
                new PartnerSession("JL", "RS-BBB", 1)));
        when(outbox.send(anyString(), any(), anyString(), any(), any())).thenAnswer(call -> {
            sent.add(new Sent(call.getArgument(0), call.getArgument(1), call.getArgument(2), call.getArgument(3)));
            return UUID.randomUUID().toString();
        });
    }

    @Test
    void oneRequestPerSessionCarriesFreshOpaqueSeatsWithThePartnersShareInPlanOrderAndTheOrganisationsToExclude() {
        assertThat(draws.request(TENDER)).isEqualTo(4);

        assertThat(sent).extracting(Sent::receiver).containsExactly("JL", "JL");
        assertThat(sent).extracting(Sent::type).containsOnly(MessageType.EXPERT_DRAW_REQUEST);
        assertThat(sent).extracting(Sent::correlationId).containsOnly(TENDER);
        assertThat(sent.get(0).body().get("sessionRef").asText()).isEqualTo("RS-AAA");
        assertThat(sent.get(1).body().get("sessionRef").asText()).isEqualTo("RS-BBB");
        // 2 of 6 experts local: 2 × 3/6, 2/6, 1/6 = 1, 0.67, 0.33, so A0101 1 and B02 1 here; the partner A0101 2, B02 1, C03 1.
        assertThat(specialties(sent.get(0))).containsExactly("A0101", "A0101", "B02");
        assertThat(specialties(sent.get(1))).containsExactly("C03");
        List<String> refs = new ArrayList<>(seatRefs(sent.get(0)));
        refs.addAll(seatRefs(sent.get(1)));
        assertThat(refs).doesNotHaveDuplicates().allMatch(ref -> ref.matches("ES-[A-Z2-7]{20}"))
                .noneMatch(ref -> ref.contains(TENDER) || ref.contains("RS-"));
        assertThat(sent.get(0).body().get("excludedOrganisations")).extracting(JsonNode::asText)
                .containsExactly("某某建设集团有限公司", "甲公司", "乙公司");
        ExchangeSchemas schemas = new ExchangeSchemas();
        sent.forEach(message -> assertThat(schemas.problems(envelope(message))).isEmpty());
        verify(dispatch).partnerExpertDrawRequested(TENDER);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_expert_seat WHERE tender_id = ? AND state = 'REQUESTED' AND round_no = 1")
                .param(TENDER).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void theLifecycleIsToldOnceEverySeatOfTheRoundIsAnsweredWhateverTheSessionOrder() {
        draws.request(TENDER);

        draws.answered("JL", TENDER, result(sent.get(1), "CONFIRMED"));
        verify(dispatch, never()).partnerExpertsDrawn(anyString(), anyBoolean());
        draws.answered("JL", TENDER, result(sent.get(0), "CONFIRMED", "CONFIRMED", "CONFIRMED"));

        verify(dispatch).partnerExpertsDrawn(TENDER, false);
    }

    @Test
    void aShortSeatIsAskedAgainAloneUnderANewReferenceAndOnlyTheNewRoundCounts() {
        draws.request(TENDER);
        draws.answered("JL", TENDER, result(sent.get(0), "CONFIRMED", "SHORT", "CONFIRMED"));
        draws.answered("JL", TENDER, result(sent.get(1), "CONFIRMED"));
        verify(dispatch).partnerExpertsDrawn(TENDER, true);
        String shortRef = seatRefs(sent.get(0)).get(1);

        assertThat(draws.request(TENDER)).isOne();

        assertThat(sent).hasSize(3);
        Sent again = sent.get(2);
        assertThat(again.body().get("sessionRef").asText()).isEqualTo("RS-AAA");
        assertThat(specialties(again)).containsExactly("A0101");
        assertThat(seatRefs(again)).singleElement().isNotEqualTo(shortRef);
        // An answer for the earlier round's seat no longer counts.
        assertThatThrownBy(() -> draws.answered("JL", TENDER, seatResult("RS-AAA", shortRef, "CONFIRMED")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("不属于本轮请求");
        draws.answered("JL", TENDER, result(again, "CONFIRMED"));
        verify(dispatch).partnerExpertsDrawn(TENDER, false);
        verify(dispatch, times(2)).partnerExpertDrawRequested(TENDER);
    }

    @Test
    void aConfirmedSeatReportedShortLaterIsRecordedAndAuditedOnceWithoutTellingTheLifecycleAgain() {
        draws.request(TENDER);
        draws.answered("JL", TENDER, result(sent.get(0), "CONFIRMED", "CONFIRMED", "CONFIRMED"));
        draws.answered("JL", TENDER, result(sent.get(1), "CONFIRMED"));
        String lost = seatRefs(sent.get(0)).get(1);

        draws.answered("JL", TENDER, seatResult("RS-AAA", lost, "SHORT"));
        draws.answered("JL", TENDER, seatResult("RS-AAA", lost, "SHORT"));

        assertThat(jdbc.sql("SELECT state FROM partner_expert_seat WHERE seat_ref = ?").param(lost).query(String.class)
                .single()).isEqualTo("SHORT");
        verify(audit, times(1)).append(any(), eq("exchange:JL"), eq("PARTNER_EXPERT_SEAT_LOST"), any(), eq(TENDER),
                eq("session=RS-AAA short=1"));
        verify(dispatch, times(1)).partnerExpertsDrawn(anyString(), anyBoolean());
        // A seat lost cannot come back confirmed under the same reference, nor can another session's seat be named.
        assertThatThrownBy(() -> draws.answered("JL", TENDER, seatResult("RS-AAA", lost, "CONFIRMED")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> draws.answered("JL", TENDER, seatResult("RS-AAA", seatRefs(sent.get(1)).get(0), "SHORT")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameAnswerAgainChangesNothingAndDoesNotTellTheLifecycleTwice() {
        draws.request(TENDER);
        draws.answered("JL", TENDER, result(sent.get(0), "CONFIRMED", "CONFIRMED", "CONFIRMED"));
        draws.answered("JL", TENDER, result(sent.get(1), "CONFIRMED"));

        draws.answered("JL", TENDER, result(sent.get(1), "CONFIRMED"));
        draws.answered("JL", TENDER, result(sent.get(0), "CONFIRMED", "CONFIRMED", "CONFIRMED"));

        verify(dispatch, times(1)).partnerExpertsDrawn(TENDER, false);
    }

    @Test
    void aProvinceThatDoesNotHoldTheSessionIsRefused() {
        draws.request(TENDER);

        assertThatThrownBy(() -> draws.answered("LN", TENDER, result(sent.get(0), "CONFIRMED", "CONFIRMED", "CONFIRMED")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("没有贵省的场次");
        assertThatThrownBy(() -> draws.answered("JL", "t-other", result(sent.get(0), "CONFIRMED", "CONFIRMED", "CONFIRMED")))
                .isInstanceOf(IllegalStateException.class);
        verify(dispatch, never()).partnerExpertsDrawn(anyString(), anyBoolean());
    }

    @Test
    void aSeatReferenceNotAskedForOrOfAnotherSessionIsRefusedAndNothingIsRecorded() {
        draws.request(TENDER);
        String ofTheOtherSession = seatRefs(sent.get(1)).get(0);

        assertThatThrownBy(() -> draws.answered("JL", TENDER, seatResult("RS-AAA", "ES-NEVERASKED", "CONFIRMED")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("未就该场次向贵省请求席位");
        assertThatThrownBy(() -> draws.answered("JL", TENDER, seatResult("RS-AAA", ofTheOtherSession, "CONFIRMED")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_expert_seat WHERE state <> 'REQUESTED'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void anAnswerForAPlanVoidSinceIsIgnored() {
        draws.request(TENDER);
        draws.on(new EvaluationMoved(TENDER, new Slot(java.time.LocalDate.of(2031, 3, 3), HalfDay.AM),
                new Slot(java.time.LocalDate.of(2031, 3, 4), HalfDay.AM), "staff-hrb", Instant.parse("2031-03-01T03:00:00Z")));
        when(sessions.ofTender(TENDER)).thenReturn(List.of());

        draws.answered("JL", TENDER, result(sent.get(1), "CONFIRMED"));

        verify(dispatch, never()).partnerExpertsDrawn(anyString(), anyBoolean());
        verify(audit).append(any(), eq("exchange:JL"), eq("PARTNER_EXPERT_DRAW_RESULT_IGNORED"), any(), eq(TENDER), any());
    }

    private static List<String> specialties(Sent message) {
        List<String> codes = new ArrayList<>();
        message.body().get("seats").forEach(seat -> codes.add(seat.get("specialtyCode").asText()));
        return codes;
    }

    private static List<String> seatRefs(Sent message) {
        List<String> refs = new ArrayList<>();
        message.body().get("seats").forEach(seat -> refs.add(seat.get("seatRef").asText()));
        return refs;
    }

    /** The partner's result for the request's seats, in their order. */
    private static JsonNode result(Sent request, String... states) {
        ObjectNode body = JSON.createObjectNode();
        body.put("sessionRef", request.body().get("sessionRef").asText());
        ArrayNode seats = body.putArray("seats");
        List<String> refs = seatRefs(request);
        for (int i = 0; i < states.length; i++) {
            seats.addObject().put("seatRef", refs.get(i)).put("state", states[i]);
        }
        return body;
    }

    private static JsonNode seatResult(String sessionRef, String seatRef, String state) {
        ObjectNode body = JSON.createObjectNode();
        body.put("sessionRef", sessionRef);
        body.putArray("seats").addObject().put("seatRef", seatRef).put("state", state);
        return body;
    }

    private static JsonNode envelope(Sent message) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "1");
        envelope.put("type", message.type().name());
        envelope.put("messageId", UUID.randomUUID().toString());
        envelope.put("correlationId", message.correlationId());
        envelope.put("sender", "HL");
        envelope.put("receiver", message.receiver());
        envelope.put("sequence", 1);
        envelope.put("sentAt", "2031-03-01T02:00:00Z");
        envelope.set("body", message.body());
        envelope.put("signature", "AA==");
        return envelope;
    }
}
