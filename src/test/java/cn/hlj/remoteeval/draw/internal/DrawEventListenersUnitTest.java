package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

class DrawEventListenersUnitTest {

    private static final Slot OLD = new Slot(LocalDate.of(2032, 5, 10), HalfDay.AM);
    private static final Slot NEW = new Slot(LocalDate.of(2032, 5, 11), HalfDay.PM);
    private static final Instant NOW = Instant.parse("2032-05-01T00:00:00Z");

    private final InMemoryDrawStore store = new InMemoryDrawStore();
    private final DrawChain chain = new DrawChain(store, new TestSalts(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final FakeSeatBookings seats = new FakeSeatBookings();
    private final FakeTenders tenders = new FakeTenders();
    private final FakeAuditLog audit = new FakeAuditLog();
    private final DrawEventListeners listeners = new DrawEventListeners(store, seats, tenders, audit);

    @Test
    void theEndOfTheEvaluationRevealsTheSeedsOfThatTendersDrawsOnly() {
        DrawRecord first = append("t-1");
        DrawRecord second = append("t-1");
        DrawRecord other = append("t-2");

        listeners.on(new EvaluationEnded("t-1", Instant.parse("2032-05-10T08:30:00.123Z")));

        assertThat(store.seedOf(first.id()).orElseThrow().revealedAt()).isEqualTo(Instant.parse("2032-05-10T08:30:00Z"));
        assertThat(store.seedOf(second.id()).orElseThrow().revealed()).isTrue();
        assertThat(store.seedOf(other.id()).orElseThrow().revealed()).isFalse();
        assertThat(audit.entries).extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DRAW_SEEDS_REVEALED", "draws=2"));

        listeners.on(new EvaluationEnded("t-1", Instant.parse("2032-05-11T00:00:00Z")));
        assertThat(store.seedOf(first.id()).orElseThrow().revealedAt()).isEqualTo(Instant.parse("2032-05-10T08:30:00Z"));
        assertThat(audit.entries).hasSize(1);
    }

    @Test
    void aMoveFreesTheOldSeatsWhileTheVenuesForTheNewSlotAreNotFixed() {
        tenders.add("t-3", "HRB", Scope.INTRA_PROVINCE, TenderState.AWAITING_VENUE_DRAW, NEW, 5);
        bookOld("t-3");

        listeners.on(new EvaluationMoved("t-3", OLD, NEW, "staff-hrb", NOW));

        assertThat(seats.bookedBy("t-3")).isEmpty();
        assertThat(seats.calls).startsWith("lockSlot " + NEW);
        assertThat(audit.entries).extracting(AuditEntry::action, AuditEntry::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("VENUE_BOOKINGS_RELEASED", "trigger=EVALUATION_MOVED seats=5"));
    }

    @Test
    void aMoveLeavesTheSeatsAloneOnceTheRedrawForTheNewSlotFixedThem() {
        tenders.add("t-4", "HRB", Scope.INTRA_PROVINCE, TenderState.AWAITING_EXPERT_DRAW, NEW, 5);
        seats.capacity(NEW, Map.of("HRB", 5, "DQ", 5, "SH", 5));
        seats.book("t-4", BookingPurpose.RANDOM_DRAW, NEW, Map.of("HRB", 1, "DQ", 2, "SH", 2), false);

        listeners.on(new EvaluationMoved("t-4", OLD, NEW, "staff-hrb", NOW));

        assertThat(seats.bookedBy("t-4")).isEqualTo(Map.of("HRB", 1, "DQ", 2, "SH", 2));
        assertThat(audit.entries).isEmpty();
    }

    @Test
    void aLateListenerOfAnEarlierMoveLeavesTheSeatsOfALaterSlotAlone() {
        Slot later = new Slot(LocalDate.of(2032, 6, 1), HalfDay.AM);
        tenders.add("t-5", "HRB", Scope.INTRA_PROVINCE, TenderState.AWAITING_VENUE_DRAW, later, 5);
        bookOld("t-5");

        listeners.on(new EvaluationMoved("t-5", OLD, NEW, "staff-hrb", NOW));

        assertThat(seats.bookedBy("t-5")).isNotEmpty();
    }

    @Test
    void aWithdrawalFreesEverySeat() {
        tenders.add("t-6", "HRB", Scope.INTRA_PROVINCE, TenderState.WITHDRAWN, OLD, 5);
        bookOld("t-6");

        listeners.on(new TenderWithdrawn("t-6", "项目取消", "staff-hrb", NOW));

        assertThat(seats.bookedBy("t-6")).isEmpty();
        assertThat(audit.entries).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("VENUE_BOOKINGS_RELEASED", "staff-hrb", "trigger=TENDER_WITHDRAWN seats=5"));
    }

    @Test
    void nothingToFreeWritesNoAuditEntry() {
        listeners.on(new TenderWithdrawn("t-7", "项目取消", "staff-hrb", NOW));

        assertThat(audit.entries).isEmpty();
    }

    private void bookOld(String tenderId) {
        seats.capacity(OLD, Map.of("HRB", 5, "DQ", 5, "SH", 5));
        seats.book(tenderId, BookingPurpose.RANDOM_DRAW, OLD, Map.of("HRB", 1, "DQ", 2, "SH", 2), false);
        seats.calls.clear();
    }

    private DrawRecord append(String tenderId) {
        DrawSeed seed = VenueDrawAlgorithmUnitTest.seed(UUID.randomUUID().toString());
        return chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.VENUE, tenderId, VenueDrawAlgorithm.ID,
                seed.commitment(), "", "", "NO_RANDOM_PICK", "system"), seed);
    }
}
