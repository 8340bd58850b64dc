package cn.hlj.remoteeval.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.evaluation.CommitteeRoster.Seat;
import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.evaluation.RemoteSessions;
import cn.hlj.remoteeval.evaluation.internal.EvaluationDayStore.Signature;
import cn.hlj.remoteeval.venue.SeatBookings;

/** The rules of the day: the end only when every seat's current expert signed, no-shows only of the session's own seats. */
class EvaluationDayServiceUnitTest {

    private static final Instant NOW = Instant.parse("2031-05-06T04:00:00Z");

    private final EvaluationDayStore store = mock(EvaluationDayStore.class);
    private final CommitteeRoster roster = mock(CommitteeRoster.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final IncidentAlarm alarm = mock(IncidentAlarm.class);
    private final EvaluationDayService days = new EvaluationDayService(store, roster, mock(SeatBookings.class),
            mock(RemoteSessions.class), new LocalElectronicSignatures(), alarm, events, mock(AuditLog.class), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSeatWhoseExpertWasReplacedAfterSigningMustSignAgainBeforeTheEnd() {
        when(roster.seats("t")).thenReturn(List.of(new Seat(1, "e-1", "RS-A"), new Seat(2, "e-9", "RS-B")));
        when(store.signatures("t")).thenReturn(List.of(signature(1, "e-1"), signature(2, "e-2")));

        EvaluationDayService.EndOutcome outcome = days.endIfSigned("t");

        assertThat(outcome.allSigned()).isFalse();
        assertThat(outcome.missingSeats()).containsExactly(2);
        verify(store, never()).end(any(), any());
        verify(events, never()).publishEvent(any(Object.class));
    }

    @Test
    void everySeatSignedEndsTheEvaluationAtTheLastSignatureAndPublishesOnce() {
        when(roster.seats("t")).thenReturn(List.of(new Seat(1, "e-1", "RS-A"), new Seat(2, "e-2", "RS-B")));
        when(store.signatures("t")).thenReturn(List.of(signature(1, "e-1"), signature(2, "e-2")));
        when(store.end("t", NOW.minusSeconds(60))).thenReturn(true, false);

        assertThat(days.endIfSigned("t").allSigned()).isTrue();
        assertThat(days.endIfSigned("t").allSigned()).isTrue();

        verify(events).publishEvent(new EvaluationEnded("t", NOW.minusSeconds(60)));
    }

    @Test
    void identityVerificationCountsMustAddUpToTheSessionsSeats() {
        when(roster.seatsAt("t", "RS-A")).thenReturn(List.of(new Seat(1, "e-1", "RS-A"), new Seat(3, "e-3", "RS-A")));

        days.checkVerification("t", "RS-A", 2L, List.of(), true);
        days.checkVerification("t", "RS-A", 1L, List.of(3), false);
        assertThatThrownBy(() -> days.checkVerification("t", "RS-A", 3L, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("到场专家人数（3）")
                .hasMessageContaining("专家席位数（2）");
        assertThatThrownBy(() -> days.checkVerification("t", "RS-A", 2L, List.of(3), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("之和应等于");
        assertThatThrownBy(() -> days.checkVerification("t", "RS-A", null, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("请填写到场专家人数");
        assertThatThrownBy(() -> days.checkVerification("t", "RS-A", -1L, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("请填写到场专家人数");
        assertThatThrownBy(() -> days.checkVerification("t", "RS-A", 2L, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("请核验");
    }

    @Test
    void aSessionWithoutSeatsIsNeverVerifiedNorHasNoShows() {
        when(roster.seatsAt("t", "RS-B")).thenReturn(List.of());

        assertThatThrownBy(() -> days.checkVerification("t", "RS-B", 3L, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("本场次没有评标专家席位");
        assertThatThrownBy(() -> days.checkVerification("t", "RS-B", 0L, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("本场次没有评标专家席位");
        assertThatThrownBy(() -> days.reportNoShows("t", "RS-B", List.of(1), "staff-hrb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("本场次没有评标专家席位");
        verify(roster, never()).reportNoShow(any(), org.mockito.ArgumentMatchers.anyInt(), any());
    }

    @Test
    void signingCollectsOneSignaturePerUnsignedSeatOfTheSession() {
        when(roster.seatsAt("t", "RS-A")).thenReturn(List.of(new Seat(1, "e-1", "RS-A"), new Seat(3, "e-3", "RS-A")));
        when(store.signatures("t")).thenReturn(new ArrayList<>(List.of(signature(1, "e-1"))));

        List<Signature> added = days.signReport("t", "RS-A", "staff-qqhr");

        assertThat(added).singleElement().satisfies(s -> {
            assertThat(s.seat()).isEqualTo(3);
            assertThat(s.signatureRef()).isEqualTo(new LocalElectronicSignatures()
                    .sign(EvaluationDayService.reportRef("t"), 3, "e-3", NOW));
        });
        verify(store).addSignature(eq("t"), eq(added.get(0)), eq("staff-qqhr"));
    }

    @Test
    void aNoShowOfAnotherSessionsSeatIsRefusedAndNothingIsVacated() {
        when(roster.seatsAt("t", "RS-A")).thenReturn(List.of(new Seat(1, "e-1", "RS-A")));

        assertThatThrownBy(() -> days.reportNoShows("t", "RS-A", List.of(1, 4), "staff-qqhr"))
                .hasMessageContaining("不属于本场次").hasMessageContaining("4");
        verify(roster, never()).reportNoShow(any(), any(Integer.class), any());

        days.reportNoShows("t", "RS-A", List.of(1), "staff-qqhr");
        verify(roster).reportNoShow("t", 1, "staff-qqhr");
    }

    @Test
    void theSessionOpensOnlyWithTheSupervisorOnSite() {
        assertThatThrownBy(() -> days.openSession("t", false, NOW, "staff-hrb")).hasMessageContaining("行政监督人员");
        verify(store, never()).sessionOpened(any(), any(), any(), any(Boolean.class), any());
    }

    @Test
    void anIncidentOfAnUnknownKindIsRefusedAndAKnownOneAlarmsTheDayWithItsKindOnly() {
        assertThatThrownBy(() -> days.raiseIncident("t", "RS-A", "FIRE_DRILL", "x", "staff-qqhr"))
                .hasMessageContaining("突发情况类型");

        String id = days.raiseIncident("t", "RS-A", "EXPERT_UNWELL", "某专家身体不适", "staff-qqhr");

        verify(alarm).raise("t", id, IncidentKind.EXPERT_UNWELL);
        verify(store).addIncident(id, "t", "RS-A", IncidentKind.EXPERT_UNWELL, "某专家身体不适", "staff-qqhr", NOW);
    }

    private static Signature signature(int seat, String expertRef) {
        return new Signature(seat, expertRef, "RS-A", NOW.minusSeconds(60), "LOCAL-" + seat + expertRef);
    }
}
