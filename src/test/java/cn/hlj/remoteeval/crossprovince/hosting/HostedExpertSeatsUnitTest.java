package cn.hlj.remoteeval.crossprovince.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.hosting.HostedExpertSeatStore.HostedExpertSeat;
import cn.hlj.remoteeval.crossprovince.hosting.HostedExpertSeatStore.State;
import cn.hlj.remoteeval.draw.HostedDrawRequest;
import cn.hlj.remoteeval.draw.HostedExpertDraws;
import cn.hlj.remoteeval.draw.HostedSeatSettled;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * Which expert draw requests a hosting takes (only its partner's, for the session offered, while active, within
 * the workstations booked), that a repeated request draws no one twice, and when the partner is answered.
 */
class HostedExpertSeatsUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2031-05-01T02:00:00Z");
    private static final String SESSION = "RS-HRB-1";

    private final HostingStore hostings = mock(HostingStore.class);
    private final HostedExpertSeatStore store = mock(HostedExpertSeatStore.class);
    private final SeatBookings bookings = mock(SeatBookings.class);
    private final HostedExpertDraws draws = mock(HostedExpertDraws.class);
    private final ExchangeOutbox outbox = mock(ExchangeOutbox.class);
    private final HostedExpertSeats seats = new HostedExpertSeats(hostings, store, bookings, draws, outbox,
            mock(AuditLog.class), JSON, Clock.fixed(NOW, ZoneOffset.UTC));

    private final PartnerHosting hosting = new PartnerHosting("h-1", "JL", "T-9", "HRB",
            new Slot(LocalDate.parse("2031-05-06"), HalfDay.AM), 3, HostingState.ACTIVE, "exchange:JL", NOW, null, null);
    private final List<HostedExpertSeat> existing = new ArrayList<>();

    @BeforeEach
    void aHostingOfPartnerJl() {
        when(hostings.active("JL", "T-9")).thenReturn(Optional.of(hosting));
        when(hostings.find("h-1")).thenReturn(Optional.of(hosting));
        when(bookings.sessionCodeOf("h-1", "HRB")).thenReturn(Optional.of(SESSION));
        when(store.lockHosting("h-1")).thenReturn(true);
        when(store.ofHosting("h-1")).thenReturn(existing);
    }

    @Test
    void aRequestFromAnotherPartnerForTheTenderIsRefusedAndDrawsNoOne() {
        when(hostings.active("JX", "T-9")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> seats.requested("JX", "T-9", request(SESSION, "S-1", "A0101")))
                .isInstanceOf(ExpertDrawRequestRefused.class).hasMessageContaining("没有该项目");
        verifyNoInteractions(draws, outbox);
    }

    @Test
    void aRequestForAnotherSessionIsRefused() {
        assertThatThrownBy(() -> seats.requested("JL", "T-9", request("RS-QQHR-7", "S-1", "A0101")))
                .isInstanceOf(ExpertDrawRequestRefused.class).hasMessageContaining("RS-QQHR-7");
        verifyNoInteractions(draws, outbox);
    }

    @Test
    void aRequestForACancelledHostingIsRefusedAsSuch() {
        when(hostings.active("JL", "T-8")).thenReturn(Optional.empty());
        when(store.everHosted("JL", "T-8")).thenReturn(true);

        assertThatThrownBy(() -> seats.requested("JL", "T-8", request(SESSION, "S-1", "A0101")))
                .isInstanceOf(ExpertDrawRequestRefused.class).hasMessageContaining("已取消");
        verifyNoInteractions(draws, outbox);
    }

    @Test
    void aRequestNamingASeatTwiceIsRefused() {
        assertThatThrownBy(() -> seats.requested("JL", "T-9", request(SESSION, "S-1", "A0101", "S-1", "B02")))
                .isInstanceOf(ExpertDrawRequestRefused.class).hasMessageContaining("S-1");
        verifyNoInteractions(draws);
    }

    @Test
    void moreSeatsThanTheWorkstationsBookedAreRefused() {
        assertThatThrownBy(() -> seats.requested("JL", "T-9",
                request(SESSION, "S-1", "A0101", "S-2", "A0101", "S-3", "B02", "S-4", "B02")))
                .isInstanceOf(ExpertDrawRequestRefused.class).hasMessageContaining("3 个");
        verifyNoInteractions(draws);
    }

    @Test
    void aNewRequestIsARoundWhoseSeatsAreDrawnAtTheHostingCenterWithThePartnersExclusions() {
        seats.requested("JL", "T-9", request(SESSION, "S-1", "A0101", "S-2", "B02"));

        verify(store).insert("h-1", 1, 1, "S-1", "A0101", NOW);
        verify(store).insert("h-1", 2, 1, "S-2", "B02", NOW);
        ArgumentCaptor<HostedDrawRequest> drawn = ArgumentCaptor.forClass(HostedDrawRequest.class);
        verify(draws).draw(drawn.capture());
        assertThat(drawn.getValue().centerCode()).isEqualTo("HRB");
        assertThat(drawn.getValue().slot()).isEqualTo(hosting.slot());
        assertThat(drawn.getValue().seats()).containsExactly(new HostedDrawRequest.HostedSeat(1, "A0101"),
                new HostedDrawRequest.HostedSeat(2, "B02"));
        assertThat(drawn.getValue().excludedOrganisations()).containsExactly("某某建设集团有限公司");
    }

    @Test
    void aRepeatedRequestWhileItsSeatsAreDrawnDrawsNoOneAgainAndAnswersNothingYet() {
        existing.add(new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.DRAWING, null, null));

        seats.requested("JL", "T-9", request(SESSION, "S-1", "A0101"));

        verify(draws, never()).draw(any());
        verify(store, never()).insert(anyString(), anyInt(), anyInt(), anyString(), anyString(), any());
        verifyNoInteractions(outbox);
    }

    @Test
    void aRepeatedRequestForSettledSeatsIsAnsweredAgainWithTheirStates() {
        existing.add(new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.CONFIRMED, NOW, null));

        seats.requested("JL", "T-9", request(SESSION, "S-1", "A0101"));

        verify(draws, never()).draw(any());
        assertThat(sent(MessageType.EXPERT_DRAW_RESULT).toString())
                .isEqualTo("{\"sessionRef\":\"RS-HRB-1\",\"seats\":[{\"seatRef\":\"S-1\",\"state\":\"CONFIRMED\"}]}");
    }

    @Test
    void aSeatThatCameBackShortIsDrawnAgainInANewRoundUnderANewNumber() {
        existing.add(new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.CONFIRMED, NOW, null));
        existing.add(new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.SHORT, NOW, null));

        seats.requested("JL", "T-9", request(SESSION, "S-2", "B02"));

        verify(store).insert("h-1", 3, 2, "S-2", "B02", NOW);
        ArgumentCaptor<HostedDrawRequest> drawn = ArgumentCaptor.forClass(HostedDrawRequest.class);
        verify(draws).draw(drawn.capture());
        assertThat(drawn.getValue().seats()).containsExactly(new HostedDrawRequest.HostedSeat(3, "B02"));
    }

    @Test
    void theRoundsResultGoesOutOnceItsLastSeatSettlesWithSeatReferencesAndStatesOnly() {
        HostedExpertSeat first = new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.DRAWING, null, null);
        when(store.find("h-1", 1)).thenReturn(Optional.of(first));
        when(store.settle(eq("h-1"), eq(1), eq(State.CONFIRMED), any())).thenReturn(true);
        when(store.round("h-1", 1)).thenReturn(List.of(
                new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.CONFIRMED, null, null),
                new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.DRAWING, null, null)));

        seats.settled(new HostedSeatSettled("h-1", 1, true, NOW));
        verifyNoInteractions(outbox);

        HostedExpertSeat second = new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.DRAWING, null, null);
        when(store.find("h-1", 2)).thenReturn(Optional.of(second));
        when(store.settle(eq("h-1"), eq(2), eq(State.SHORT), any())).thenReturn(true);
        when(store.round("h-1", 1)).thenReturn(List.of(
                new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.CONFIRMED, null, null),
                new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.SHORT, null, null)));
        seats.settled(new HostedSeatSettled("h-1", 2, false, NOW));

        assertThat(sent(MessageType.EXPERT_DRAW_RESULT).toString()).isEqualTo("{\"sessionRef\":\"RS-HRB-1\",\"seats\":["
                + "{\"seatRef\":\"S-1\",\"state\":\"CONFIRMED\"},{\"seatRef\":\"S-2\",\"state\":\"SHORT\"}]}");
        verify(store).reported(eq("h-1"), eq(1), any());
    }

    @Test
    void aRoundAlreadyReportedIsNotReportedAgain() {
        HostedExpertSeat seat = new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.DRAWING, null, null);
        when(store.find("h-1", 1)).thenReturn(Optional.of(seat));
        when(store.settle(eq("h-1"), eq(1), any(), any())).thenReturn(false);

        seats.settled(new HostedSeatSettled("h-1", 1, true, NOW));

        verifyNoInteractions(outbox);
    }

    @Test
    void aSignedReportSendsAnOpaqueSignaturePerConfirmedSeatOnly() {
        existing.add(new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.CONFIRMED, NOW, null));
        existing.add(new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.SHORT, NOW, null));

        seats.reportSigned(new HostedReportSigned("h-1", Instant.parse("2031-05-06T04:05:06.789Z")));

        JsonNode body = sent(MessageType.SIGNATURES_COLLECTED);
        assertThat(body.get("sessionRef").asText()).isEqualTo(SESSION);
        assertThat(body.get("seats")).hasSize(1);
        assertThat(body.get("seats").get(0).get("seatRef").asText()).isEqualTo("S-1");
        assertThat(body.get("seats").get(0).get("signatureRef").asText()).matches("SIG-[0-9a-f]{32}");
        assertThat(body.get("seats").get(0).get("signedAt").asText()).isEqualTo("2031-05-06T04:05:06Z");
        verify(draws).evaluationEnded("h-1", Instant.parse("2031-05-06T04:05:06.789Z"));
    }

    @Test
    void cancellingTheHostingCancelsItsExpertInvitations() {
        seats.hostingCancelled("h-1", "CANCELLED_BY_PARTNER");

        verify(draws).cancelAll("h-1", "CANCELLED_BY_PARTNER");
        verify(store).cancel("h-1", NOW);
    }

    @Test
    void aNoShowDrawsTheSeatAgainUnderThePartnersSameReferenceAndTellsThePartnerNothingYet() {
        when(store.redraw("h-1", 2)).thenReturn(true);

        assertThat(seats.noShows("h-1", List.of(2), "staff-hrb")).isEqualTo(1);

        var order = org.mockito.Mockito.inOrder(store, draws);
        order.verify(store).redraw("h-1", 2);
        order.verify(draws).noShow("h-1", 2, "staff-hrb");
        verify(store, never()).insert(anyString(), anyInt(), anyInt(), anyString(), anyString(), any());
        verifyNoInteractions(outbox);
    }

    @Test
    void aNoShowOfASeatNotHeldAtTheSessionIsRefusedAndDrawsNoOne() {
        when(store.redraw("h-1", 7)).thenReturn(false);

        assertThatThrownBy(() -> seats.noShows("h-1", List.of(7), "staff-hrb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不属于本场次");
        verify(draws, never()).noShow(anyString(), anyInt(), anyString());
    }

    @Test
    void aSeatLeftShortAfterANoShowIsToldToThePartnerAloneAsShortUnderItsReference() {
        when(store.find("h-1", 2)).thenReturn(
                Optional.of(new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.DRAWING, NOW, null)),
                Optional.of(new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.SHORT, NOW, null)));
        when(store.settle(eq("h-1"), eq(2), eq(State.SHORT), any())).thenReturn(true);

        seats.settled(new HostedSeatSettled("h-1", 2, false, NOW));

        assertThat(sent(MessageType.EXPERT_DRAW_RESULT).toString())
                .isEqualTo("{\"sessionRef\":\"RS-HRB-1\",\"seats\":[{\"seatRef\":\"S-2\",\"state\":\"SHORT\"}]}");
        verify(store, never()).round(anyString(), anyInt());
        verify(store, never()).reported(anyString(), anyInt(), any());
    }

    @Test
    void aReplacementWhoAcceptsAfterANoShowChangesNothingForThePartner() {
        when(store.find("h-1", 2)).thenReturn(
                Optional.of(new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.DRAWING, NOW, null)),
                Optional.of(new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.CONFIRMED, NOW, null)));
        when(store.settle(eq("h-1"), eq(2), eq(State.CONFIRMED), any())).thenReturn(true);

        seats.settled(new HostedSeatSettled("h-1", 2, true, NOW));

        verifyNoInteractions(outbox);
    }

    @Test
    void theIdentityEntryMustAddUpToTheSessionsSeatsAndNameOnlyItsSeats() {
        existing.add(new HostedExpertSeat("h-1", 1, 1, "S-1", "A0101", State.CONFIRMED, NOW, null));
        existing.add(new HostedExpertSeat("h-1", 2, 1, "S-2", "B02", State.CONFIRMED, NOW, null));
        existing.add(new HostedExpertSeat("h-1", 3, 1, "S-3", "B02", State.SHORT, NOW, null));
        existing.add(new HostedExpertSeat("h-1", 4, 2, "S-3", "B02", State.DRAWING, null, null));

        assertThat(seats.sessionSeats("h-1")).containsExactly(1, 2, 4);
        seats.checkVerification("h-1", 2L, List.of(4), false, "staff-hrb");
        seats.checkVerification("h-1", 3L, List.of(), true, "staff-hrb");
        assertThatThrownBy(() -> seats.checkVerification("h-1", 2L, List.of(3), false, "staff-hrb"))
                .hasMessageContaining("不属于本场次：3");
        assertThatThrownBy(() -> seats.checkVerification("h-1", 3L, List.of(1), false, "staff-hrb"))
                .hasMessageContaining("之和应等于本场次的专家席位数（3）");
        assertThatThrownBy(() -> seats.checkVerification("h-1", 3L, List.of(), false, "staff-hrb"))
                .hasMessageContaining("请核验");
    }

    @Test
    void withoutSeatsDrawnHereNoNoShowCanBeEntered() {
        seats.checkVerification("h-1", 2L, List.of(), true, "staff-hrb");

        assertThatThrownBy(() -> seats.checkVerification("h-1", 1L, List.of(1), false, "staff-hrb"))
                .hasMessageContaining("不能登记未到场");
    }

    private JsonNode sent(MessageType type) {
        ArgumentCaptor<JsonNode> body = ArgumentCaptor.forClass(JsonNode.class);
        verify(outbox).send(eq("JL"), eq(type), eq("T-9"), body.capture(), eq(null));
        return body.getValue();
    }

    private static JsonNode request(String sessionRef, String... refsAndSpecialties) {
        var body = JSON.createObjectNode();
        body.put("sessionRef", sessionRef);
        var seats = body.putArray("seats");
        for (int i = 0; i < refsAndSpecialties.length; i += 2) {
            seats.addObject().put("seatRef", refsAndSpecialties[i]).put("specialtyCode", refsAndSpecialties[i + 1]);
        }
        body.putArray("excludedOrganisations").add("某某建设集团有限公司");
        return body;
    }
}
