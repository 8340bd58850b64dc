package cn.hlj.remoteeval.handover.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerSessions;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.evaluation.EvaluationRecords;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.SeatBookings.VenueSession;

/** The hand-over rules with the deadline, evaluation and venue modules stood in for. */
class HandoverServiceUnitTest {

    static final String A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String T = "t-1";

    final InMemoryHandoverStore store = new InMemoryHandoverStore();
    final Deadlines deadlines = mock(Deadlines.class);
    final EvaluationRecords evaluations = mock(EvaluationRecords.class);
    final SeatBookings bookings = mock(SeatBookings.class);
    final AuditLog audit = mock(AuditLog.class);
    final PartnerSessions partners = mock(PartnerSessions.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-02-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final HandoverService service = new HandoverService(store, deadlines, evaluations, bookings, partners, audit, clock);

    @BeforeEach
    void aTenderWithTwoSubVenues() {
        // 00:30 on the 13th in the province, still the 12th in UTC: the province's date counts.
        when(evaluations.endedAt(T)).thenReturn(Optional.of(Instant.parse("2026-02-12T16:30:00Z")));
        when(bookings.sessionsOf(T)).thenReturn(List.of(new VenueSession("RS-AAA", "QQHR", 2),
                new VenueSession("RS-BBB", "HRB", 3), new VenueSession("RS-CCC", "MDJ", 2)));
        when(bookings.centerOfSession("RS-AAA")).thenReturn(Optional.of("QQHR"));
        when(bookings.centerOfSession("RS-CCC")).thenReturn(Optional.of("MDJ"));
        when(deadlines.open(any(), anyString(), anyString(), any())).thenAnswer(call -> new DeadlineTicket(
                "d-" + call.getArgument(2), call.getArgument(0), DeadlineState.SCHEDULED, LocalDate.of(2026, 2, 26),
                Instant.parse("2026-02-26T15:59:59Z"), Instant.parse("2026-02-24T01:00:00Z"), null));
    }

    @Test
    void opensOneHandoverPerSubVenueSessionFromTheProvincesEvaluationEndDay() {
        List<String> ids = service.openSubVenueHandovers(T, "HRB");

        assertThat(ids).hasSize(2);
        assertThat(ids.stream().map(store.rows::get).map(AvHandover::legRef)).containsExactly("RS-AAA", "RS-CCC");
        assertThat(store.rows.values()).allSatisfy(h -> {
            assertThat(h.startDay()).isEqualTo(LocalDate.of(2026, 2, 13));
            assertThat(h.leg()).isEqualTo(HandoverLeg.SUB_VENUE_TO_MAIN);
            assertThat(h.state()).isEqualTo(HandoverState.AWAITING_HANDOVER);
        });
        assertThat(service.openSubVenueHandovers(T, "HRB")).as("a retry opens nothing new").isEqualTo(ids);
    }

    @Test
    void refusesToOpenBeforeTheEvaluationEnded() {
        when(evaluations.endedAt("t-open")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.openSubVenueHandovers("t-open", "HRB")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void opensTheLegsDeadlineOnceFromItsStartDay() {
        String id = service.openSubVenueHandovers(T, "HRB").get(0);

        DeadlineTicket ticket = service.openDeadline(id);

        verify(deadlines).open(DeadlineKind.AV_HANDOVER_TO_MAIN, T, id, LocalDate.of(2026, 2, 13));
        assertThat(store.rows.get(id).deadlineId()).isEqualTo(ticket.id());
        assertThat(store.rows.get(id).dueDate()).isEqualTo(LocalDate.of(2026, 2, 26));
        when(deadlines.find(ticket.id())).thenReturn(Optional.of(ticket));
        assertThat(service.openDeadline(id)).isEqualTo(ticket);
        verify(deadlines).open(any(), anyString(), anyString(), any());
    }

    @Test
    void theHandingCenterComesFromTheSessionAndIsNeverStored() {
        String id = service.openSubVenueHandovers(T, "HRB").get(0);

        assertThat(service.handingCenter(id)).isEqualTo("QQHR");
        assertThat(store.rows.get(id).toString()).doesNotContain("QQHR");
    }

    @Test
    void handedOverThenReceivedCompletesTheDeadline() {
        String id = service.openSubVenueHandovers(T, "HRB").get(0);
        service.openDeadline(id);

        service.recordHandedOver(id, form("REMOVABLE_DISK", 1L, "录像.mp4," + A, "2026-02-24T09:30+08:00"), "staff-qqhr");
        verify(deadlines, never()).complete(anyString());
        assertThat(store.rows.get(id).state()).isEqualTo(HandoverState.HANDED_OVER);
        assertThat(store.items(id)).containsExactly(new SealedItem(1, "录像.mp4", A));

        service.recordReceipt(id, true, "2026-02-24T15:00", "staff-hrb");

        AvHandover received = store.rows.get(id);
        assertThat(received.state()).isEqualTo(HandoverState.RECEIVED);
        assertThat(received.handedBy()).isEqualTo("staff-qqhr");
        assertThat(received.receivedBy()).isEqualTo("staff-hrb");
        assertThat(received.receivedAt()).isEqualTo(Instant.parse("2026-02-24T07:00:00Z"));
        verify(deadlines).complete("d-" + id);
    }

    @Test
    void aBadFormChangesNothing() {
        String id = service.openSubVenueHandovers(T, "HRB").get(0);

        assertThatThrownBy(() -> service.recordHandedOver(id, form("USB_DRIVE", 2L, "录像.mp4," + A, "2026-02-24T09:30"), "u"))
                .isInstanceOf(InvalidForm.class).hasMessage("移交清单有 1 项，与填写的件数 2 不符");
        assertThatThrownBy(() -> service.recordHandedOver(id, form("FLOPPY", 1L, "录像.mp4," + A, "2026-02-24T09:30"), "u"))
                .hasMessage("请选择移交介质");
        assertThatThrownBy(() -> service.recordHandedOver(id, form("USB_DRIVE", 1L, "录像.mp4," + A, "2026-03-24T09:30"), "u"))
                .hasMessage("移交时间不能晚于当前时间");
        assertThatThrownBy(() -> service.recordReceipt(id, true, "2026-02-24T15:00", "staff-hrb"))
                .hasMessage("副场尚未登记移交，不能确认接收");
        assertThat(store.rows.get(id).state()).isEqualTo(HandoverState.AWAITING_HANDOVER);
        assertThat(store.items).isEmpty();
    }

    @Test
    void receiptNeedsTheChecksumsVerified() {
        String id = service.openSubVenueHandovers(T, "HRB").get(0);
        service.recordHandedOver(id, form("OPTICAL_DISC", 1L, "录像.mp4," + A, "2026-02-24T09:30"), "staff-qqhr");

        assertThatThrownBy(() -> service.recordReceipt(id, false, "2026-02-24T15:00", "staff-hrb"))
                .isInstanceOf(InvalidForm.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> service.recordReceipt(id, true, "2026-02-24T09:00", "staff-hrb"))
                .hasMessage("接收时间不能早于副场的移交时间");
        assertThat(store.rows.get(id).state()).isEqualTo(HandoverState.HANDED_OVER);
        verify(deadlines, never()).complete(anyString());
    }

    @Test
    void theTendererLegCountsFromTheDayTheLastSubVenuesMaterialWasReceived() {
        List<String> ids = service.openSubVenueHandovers(T, "HRB");
        receive(ids.get(0), "2026-02-16T10:00");
        receive(ids.get(1), "2026-02-24T23:30");

        String tenderer = service.openTendererHandover(T, "HRB");

        assertThat(store.rows.get(tenderer).startDay()).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(store.rows.get(tenderer).leg()).isEqualTo(HandoverLeg.MAIN_TO_TENDERER);
        assertThat(service.handingCenter(tenderer)).isEqualTo("HRB");
        service.openDeadline(tenderer);
        verify(deadlines).open(DeadlineKind.AV_HANDOVER_TO_TENDERER, T, tenderer, LocalDate.of(2026, 2, 24));
    }

    @Test
    void withoutSubVenuesTheTendererLegCountsFromTheEvaluationsEnd() {
        when(bookings.sessionsOf(T)).thenReturn(List.of(new VenueSession("RS-BBB", "HRB", 5)));
        assertThat(service.openSubVenueHandovers(T, "HRB")).isEmpty();

        String tenderer = service.openTendererHandover(T, "HRB");

        assertThat(store.rows.get(tenderer).startDay()).isEqualTo(LocalDate.of(2026, 2, 13));
    }

    @Test
    void theTendererHandoverRecordsTheReceiverAndCompletesItsDeadline() {
        String tenderer = service.openTendererHandover(T, "HRB");
        service.openDeadline(tenderer);

        assertThatThrownBy(() -> service.recordTendererHandover(tenderer,
                form("USB_DRIVE", 1L, "全部.zip," + A, "2026-02-25T09:00"), " ", "staff-hrb"))
                .hasMessage("请填写招标人接收人姓名");
        service.recordTendererHandover(tenderer, form("USB_DRIVE", 1L, "全部.zip," + A, "2026-02-25T09:00"), "王五",
                "staff-hrb");

        assertThat(store.rows.get(tenderer).state()).isEqualTo(HandoverState.RECEIVED);
        assertThat(store.rows.get(tenderer).tendererReceiver()).isEqualTo("王五");
        verify(deadlines).complete("d-" + tenderer);
    }

    @Test
    void aCenterSeesTheLegsItOwes() {
        List<String> ids = service.openSubVenueHandovers(T, "HRB");
        String tenderer = service.openTendererHandover(T, "HRB");

        assertThat(service.toBeHandedOverBy("MDJ")).extracting(AvHandover::id).containsExactly(ids.get(1));
        assertThat(service.toBeHandedOverBy("HRB")).extracting(AvHandover::id).containsExactly(tenderer);
    }

    @Test
    void theSupervisorsActionIsRecorded() {
        String id = service.openSubVenueHandovers(T, "HRB").get(0);

        assertThatThrownBy(() -> service.supervised(id, null, null, "supervisor-hrb")).hasMessage("请选择督办措施");
        service.supervised(id, "INTERVIEWED", "已约谈", "supervisor-hrb");

        assertThat(store.supervisions).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(SupervisionAction.INTERVIEWED);
            assertThat(s.subjectId()).isEqualTo(id);
        });
        verify(audit).append(any(), eq("supervisor-hrb"), eq("AV_HANDOVER_SUPERVISED"), eq("AV_HANDOVER"), eq(id), anyString());
    }

    private void receive(String id, String at) {
        service.recordHandedOver(id, form("USB_DRIVE", 1L, "a.mp4," + A, "2026-02-14T09:00"), "sub");
        service.recordReceipt(id, true, at, "staff-hrb");
    }

    private static HandoverService.HandoverForm form(String medium, Object count, String items, String at) {
        return new HandoverService.HandoverForm(medium, count, items, at);
    }

    @Test
    void aPartnerSessionGetsALegAndItsMaterialAlreadyHereIsRecordedAsHandedOverThenReceipted() {
        PartnerSessions.PartnerMaterial material = new PartnerSessions.PartnerMaterial("JL", "RS-JL000001", "DISC",
                Instant.parse("2026-02-13T01:00:00Z"), List.of(new PartnerSessions.Item(1, "全程录像.mp4", "a".repeat(64))));
        when(partners.ofTender(T)).thenReturn(List.of(new PartnerSessions.PartnerSession("JL", "RS-JL000001", 3)));
        when(partners.materialOf(T, "RS-JL000001")).thenReturn(Optional.of(material));

        List<String> ids = service.openSubVenueHandovers(T, "HRB");

        assertThat(ids).hasSize(3);
        String partnerLeg = store.ofTender(T).stream().filter(h -> h.legRef().equals("RS-JL000001")).findFirst().orElseThrow().id();
        assertThat(service.fromPartner(partnerLeg)).isTrue();
        assertThat(service.handedOver(partnerLeg)).isTrue();
        assertThat(store.find(partnerLeg).orElseThrow().medium()).isEqualTo(Medium.OPTICAL_DISC);
        assertThat(store.find(partnerLeg).orElseThrow().handedBy()).isEqualTo("exchange:JL");

        service.recordReceipt(partnerLeg, true, "2026-02-25T09:30:00+08:00", "staff-hrb");

        org.mockito.Mockito.verify(partners).receipted(T, "RS-JL000001", Instant.parse("2026-02-25T01:30:00Z"), 1);
    }

    @Test
    void aSessionHereIsNotAPartnersAndItsReceiptTellsNoPartner() {
        String here = service.openSubVenueHandovers(T, "HRB").get(0);
        assertThat(service.fromPartner(here)).isFalse();
        org.mockito.Mockito.verify(partners, org.mockito.Mockito.never()).receipted(any(), any(), any(), org.mockito.ArgumentMatchers.anyInt());
    }
}
