package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The venue draw service against hand-written venue and tender modules. */
class VenueDrawServiceUnitTest {

    private static final Slot SLOT = new Slot(LocalDate.of(2032, 4, 8), HalfDay.AM);

    private final InMemoryDrawStore store = new InMemoryDrawStore();
    private final Clock clock = Clock.fixed(Instant.parse("2032-03-01T01:00:00Z"), ZoneOffset.UTC);
    private final FakeSeatBookings seats = new FakeSeatBookings();
    private final FakeTenders tenders = new FakeTenders();
    private final FakeAuditLog audit = new FakeAuditLog();
    private final DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("service");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VenueDrawService service = new VenueDrawService(tenders, seats, tenders,
            new DrawChain(store, new TestSalts(), clock), new VenueDrawAlgorithm(), SeatPlanLimits.defaults(),
            TestEntropy.notices(new DrawChain(store, new TestSalts(), clock), () -> seed, clock), audit, new CurrentActor(), clock, meters);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(VenueDrawService.class)).addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(VenueDrawService.class)).detachAppender(logs);
    }

    @Test
    void drawsBooksMovesTheTenderOnAndRecordsTheDraw() {
        tenders.add("t-1", "HRB", Scope.INTRA_PROVINCE, TenderState.AWAITING_VENUE_DRAW, SLOT, 7);
        seats.capacity(SLOT, VenueDrawAlgorithmUnitTest.uniform(10));

        boolean drawn = service.draw("t-1");

        assertThat(drawn).isTrue();
        DrawRecord notice = store.all().get(0);
        DrawRecord record = store.all().get(1);
        assertThat(notice.kind()).isEqualTo(DrawKind.NOTICE);
        assertThat(notice.seedCommitment()).isEqualTo(seed.commitment());
        assertThat(record.noticeId()).isEqualTo(notice.id());
        assertThat(record.noticeHash()).isEqualTo(notice.recordHash());
        assertThat(record.snapshotAt()).isAfterOrEqualTo(notice.createdAt());
        assertThat(record.entropy()).contains("sources=dev-beacon\n");
        assertThat(seats.calls).containsExactly("lockSlot " + SLOT, "release t-1", "freeSeats " + SLOT, "book t-1",
                "freeSeats " + SLOT);
        assertThat(seats.bookings).allSatisfy(b -> assertThat(b.purpose()).isEqualTo(BookingPurpose.RANDOM_DRAW));
        assertThat(Canonical.encodeCounts(seats.bookedBy("t-1"))).isEqualTo(record.result());
        assertThat(tenders.transitions).containsExactly("venuesDrawn t-1 " + record.id());
        assertThat(record.kind()).isEqualTo(DrawKind.VENUE);
        assertThat(record.algorithm()).isEqualTo("venue-draw/v2");
        assertThat(record.seedCommitment()).isEqualTo(seed.commitment());
        assertThat(record.eligibleList()).isEqualTo(Canonical.encodeCounts(VenueDrawAlgorithmUnitTest.uniform(10)));
        assertThat(record.request()).isEqualTo(new VenueDrawRequest(7, "HRB", SLOT, SeatPlanLimits.defaults()).canonical());
        assertThat(record.actor()).isEqualTo(CurrentActor.SYSTEM);
        assertThat(store.seedOf(record.id())).hasValue(new SeedState(seed.hex(), null));
        assertThat(new DrawVerifier(new DrawAlgorithms(List.of(new VenueDrawAlgorithm()))).verify(record, seed.hex())
                .verified()).isTrue();
        assertThat(audit.entries).extracting(AuditEntry::action, AuditEntry::subjectType, AuditEntry::subjectId,
                AuditEntry::detail).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VENUE_DRAW_COMPLETED", "TENDER", "t-1", "drawId=" + record.id()));
        assertNoCenterIn(logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void recordsTheFallbackWithoutBookingAnything() {
        tenders.add("t-2", "HRB", Scope.INTRA_PROVINCE, TenderState.AWAITING_VENUE_DRAW, SLOT, 9);
        Map<String, Integer> scarce = VenueDrawAlgorithmUnitTest.uniform(0);
        scarce.put("HRB", 9);
        scarce.put("DQ", 9);
        seats.capacity(SLOT, scarce);

        boolean drawn = service.draw("t-2");

        assertThat(drawn).isFalse();
        DrawRecord record = store.all().get(1);
        assertThat(record.result()).isEqualTo("NO_RANDOM_PICK");
        assertThat(seats.bookings).isEmpty();
        assertThat(tenders.transitions).containsExactly("venueDrawFailed t-2 " + record.id());
        assertThat(audit.entries).extracting(AuditEntry::action).containsExactly("VENUE_DRAW_NO_RANDOM_PICK");
        assertThat(store.seedOf(record.id())).map(SeedState::seedHex).hasValue(seed.hex());
        assertNoCenterIn(logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void aRedrawFreesTheTendersEarlierSeatsBeforeReadingTheFreeOnes() {
        tenders.add("t-3", "HRB", Scope.INTRA_PROVINCE, TenderState.AWAITING_VENUE_DRAW, SLOT, 5);
        Map<String, Integer> two = VenueDrawAlgorithmUnitTest.uniform(0);
        two.put("HRB", 1);
        two.put("DQ", 2);
        two.put("SH", 2);
        seats.capacity(SLOT, two);
        seats.book("t-3", BookingPurpose.RANDOM_DRAW, SLOT, Map.of("DQ", 2, "SH", 2, "HRB", 1), false);

        assertThat(service.draw("t-3")).isTrue();
        assertThat(seats.bookedBy("t-3")).isEqualTo(Map.of("DQ", 2, "SH", 2, "HRB", 1));
    }

    @Test
    void refusesACrossProvinceTenderWhoseSubVenuesThePartnerFixes() {
        tenders.add("t-4", "HRB", Scope.CROSS_PROVINCE, TenderState.AWAITING_PARTNER_ASSIGNMENT, SLOT, 7);
        seats.capacity(SLOT, VenueDrawAlgorithmUnitTest.uniform(10));

        assertThatThrownBy(() -> service.draw("t-4")).isInstanceOf(IllegalStateException.class);
        assertThat(seats.bookings).isEmpty();
        assertThat(store.all()).isEmpty();
        assertThat(tenders.transitions).isEmpty();
    }

    @Test
    void refusesAnUnknownTender() {
        assertThatThrownBy(() -> service.draw("nope")).isInstanceOf(IllegalStateException.class);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void timesEachDrawByOutcomeOnlyNeverByTenderOrCenter() {
        tenders.add("t-5", "HRB", Scope.INTRA_PROVINCE, TenderState.AWAITING_VENUE_DRAW, SLOT, 7);
        seats.capacity(SLOT, VenueDrawAlgorithmUnitTest.uniform(10));
        service.draw("t-5");
        assertThatThrownBy(() -> service.draw("nope")).isInstanceOf(IllegalStateException.class);

        assertThat(meters.get(DrawTimers.VENUE_DRAW).tag("outcome", "drawn").timer().count()).isEqualTo(1);
        assertThat(meters.get(DrawTimers.VENUE_DRAW).tag("outcome", "failed").timer().count()).isEqualTo(1);
        List<String> tagValues = meters.getMeters().stream().map(Meter::getId).flatMap(id -> id.getTags().stream())
                .map(Tag::getValue).toList();
        assertThat(tagValues).doesNotContain("t-5", "nope", "HRB").containsOnly("drawn", "failed");
    }

    private static void assertNoCenterIn(List<String> lines) {
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            for (String center : VenueDrawAlgorithmUnitTest.CENTERS) {
                assertThat(line).doesNotContainPattern("\\b" + center + "\\b");
            }
        }
    }
}
