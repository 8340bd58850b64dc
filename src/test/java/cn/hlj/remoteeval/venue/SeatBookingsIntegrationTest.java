package cn.hlj.remoteeval.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** Bookings per workstation and slot: never two on one seat, all or nothing, released on demand. */
@RemoteEvalIntegrationTest
class SeatBookingsIntegrationTest {

    private static final int THREADS = 16;

    @Autowired
    SeatBookings bookings;
    @Autowired
    TradingCenters centers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void freeSeatsNameEveryCenterInTheDirectoryOrder() {
        Slot slot = new Slot(FarDates.next(), HalfDay.AM);

        Map<String, Integer> all = bookings.freeSeats(slot, false);
        Map<String, Integer> cross = bookings.freeSeats(slot, true);

        List<String> codes = centers.all().stream().map(TradingCenter::code).toList();
        assertThat(all.keySet()).containsExactlyElementsOf(codes);
        assertThat(cross.keySet()).containsExactlyElementsOf(codes);
        for (String code : codes) {
            assertThat(all.get(code)).as(code).isGreaterThanOrEqualTo(3).isGreaterThanOrEqualTo(cross.get(code));
        }
        assertThat(cross.get("PROV")).isGreaterThanOrEqualTo(12);
        assertThat(cross.get("HRB")).isGreaterThanOrEqualTo(12);
        assertThat(cross.get("QQHR")).isGreaterThanOrEqualTo(12);
        assertThat(all.get("HRB")).isGreaterThan(cross.get("HRB"));
    }

    @Test
    void theUniqueConstraintRefusesASecondBookingOfOneWorkstationInOneSlotWhateverTheLock() {
        LocalDate day = FarDates.next();
        long workstation = jdbc.sql("SELECT MIN(id) FROM workstation WHERE center_code = 'HG'").query(Long.class).single();
        String insert = "INSERT INTO workstation_booking (workstation_id, eval_date, half_day, holder_ref, purpose, "
                + "session_code, booked_at) VALUES (?, ?, 'AM', ?, 'RANDOM_DRAW', 'RS-TEST0000', CURRENT_TIMESTAMP)";
        String first = "direct-" + VenueRequests.uniqueCode();
        String second = "direct-" + VenueRequests.uniqueCode();
        jdbc.sql(insert).params(workstation, Date.valueOf(day), first).update();
        try {
            assertThatThrownBy(() -> jdbc.sql(insert).params(workstation, Date.valueOf(day), second).update())
                    .isInstanceOf(DuplicateKeyException.class);
            // Another half-day of the same date is another slot.
            jdbc.sql(insert.replace("'AM'", "'PM'")).params(workstation, Date.valueOf(day), second).update();
        } finally {
            bookings.release(first);
            bookings.release(second);
        }
    }

    @Test
    void bookingTakesTheLowestFreeCodesWithOneAnonymousSessionCodePerCenter() {
        Slot slot = new Slot(FarDates.next(), HalfDay.PM);
        String holder = "tender-" + VenueRequests.uniqueCode();
        List<String> hgCodes = jdbc.sql("SELECT code FROM workstation WHERE center_code = 'HG' ORDER BY code")
                .query(String.class).list();

        bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot, Map.of("HG", 2, "QTH", 1, "MDJ", 0), false);

        List<Map<String, Object>> rows = rows(holder);
        assertThat(rows).hasSize(3);
        assertThat(rows).filteredOn(r -> r.get("center").equals("HG")).extracting(r -> r.get("code"))
                .containsExactlyElementsOf(hgCodes.subList(0, 2));
        List<String> hgSessions = rows.stream().filter(r -> r.get("center").equals("HG"))
                .map(r -> (String) r.get("session")).distinct().toList();
        List<String> qthSessions = rows.stream().filter(r -> r.get("center").equals("QTH"))
                .map(r -> (String) r.get("session")).distinct().toList();
        assertThat(hgSessions).singleElement().satisfies(code -> assertThat(code).matches("RS-[0-9A-HJKMNP-TV-Z]{8}"));
        assertThat(qthSessions).singleElement().satisfies(code -> assertThat(code).matches("RS-[0-9A-HJKMNP-TV-Z]{8}"));
        assertThat(hgSessions).doesNotContainAnyElementsOf(qthSessions);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("purpose")).isEqualTo("RANDOM_DRAW"));
        bookings.release(holder);
    }

    @Test
    void crossProvinceBookingsUseCrossProvinceWorkstationsOnly() {
        Slot slot = new Slot(FarDates.next(), HalfDay.AM);
        String holder = "hosting-" + VenueRequests.uniqueCode();
        int cross = bookings.freeSeats(slot, true).get("QQHR");
        int all = bookings.freeSeats(slot, false).get("QQHR");

        bookings.book(holder, BookingPurpose.PARTNER_HOSTING, slot, Map.of("QQHR", cross), true);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id "
                + "WHERE b.holder_ref = ? AND w.cross_province = TRUE").param(holder).query(Long.class).single())
                .isEqualTo(cross);
        assertThat(bookings.freeSeats(slot, true).get("QQHR")).isZero();
        assertThat(bookings.freeSeats(slot, false).get("QQHR")).isEqualTo(all - cross);
        assertThatThrownBy(() -> bookings.book("more-" + holder, BookingPurpose.PARTNER_HOSTING, slot, Map.of("QQHR", 1),
                true)).isInstanceOf(SeatsUnavailable.class);
        bookings.release(holder);
    }

    @Test
    void aRefusedBookingChecksEveryCenterFirstAndWritesNothing() {
        Slot slot = new Slot(FarDates.next(), HalfDay.AM);
        String holder = "tender-" + VenueRequests.uniqueCode();
        int qthFree = bookings.freeSeats(slot, false).get("QTH");
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("HG", 1);
        wanted.put("QTH", qthFree + 1);

        assertThatThrownBy(() -> bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot, wanted, false))
                .isInstanceOfSatisfying(SeatsUnavailable.class, e -> {
                    assertThat(e.centerCode()).isEqualTo("QTH");
                    assertThat(e.requested()).isEqualTo(qthFree + 1);
                    assertThat(e.free()).isEqualTo(qthFree);
                    assertThat(e.getMessage()).doesNotContain("QTH").doesNotContain(holder);
                });
        assertThat(rows(holder)).isEmpty();
        assertThatThrownBy(() -> bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot, Map.of("NOPE", 1), false))
                .isInstanceOf(SeatsUnavailable.class);
    }

    @Test
    void aRefusalLeavesTheCallersTransactionUsableForAnotherPick() {
        Slot slot = new Slot(FarDates.next(), HalfDay.PM);
        String holder = "retry-" + VenueRequests.uniqueCode();
        int qthFree = bookings.freeSeats(slot, false).get("QTH");
        Map<String, Integer> tooMany = new LinkedHashMap<>();
        tooMany.put("HG", 1);
        tooMany.put("QTH", qthFree + 1);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThatThrownBy(() -> bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot, tooMany, false))
                    .isInstanceOf(SeatsUnavailable.class);
            bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot, Map.of("QTH", 1), false);
        });

        assertThat(rows(holder)).extracting(r -> r.get("center")).containsExactly("QTH");
        bookings.release(holder);
    }

    @Test
    void lockingASlotNeedsATransaction() {
        Slot slot = new Slot(FarDates.next(), HalfDay.AM);

        assertThatThrownBy(() -> bookings.lockSlot(slot)).isInstanceOf(IllegalTransactionStateException.class);
        new TransactionTemplate(transactions).executeWithoutResult(status -> bookings.lockSlot(slot));
    }

    @Test
    void aSecondLockerOfTheSameSlotWaitsUntilTheFirstCommits() throws Exception {
        Slot slot = new Slot(FarDates.next(), HalfDay.PM);
        java.util.concurrent.CountDownLatch firstHolds = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch releaseFirst = new java.util.concurrent.CountDownLatch(1);
        java.util.List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread first = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            bookings.lockSlot(slot);
            firstHolds.countDown();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> releaseFirst.getCount() == 0);
            order.add("first commits");
        }));
        first.start();
        firstHolds.await();
        Thread second = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            bookings.lockSlot(slot);
            order.add("second locks");
        }));
        second.start();
        second.join(300);
        releaseFirst.countDown();
        first.join(10_000);
        second.join(10_000);

        assertThat(order).containsExactly("first commits", "second locks");
    }

    @Test
    void aBookingInsideTheCallersTransactionRollsBackWithIt() {
        Slot slot = new Slot(FarDates.next(), HalfDay.PM);
        String holder = "rollback-" + VenueRequests.uniqueCode();
        int free = bookings.freeSeats(slot, false).get("SYS");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            bookings.book(holder, BookingPurpose.NEGOTIATED, slot, Map.of("SYS", 1), false);
            status.setRollbackOnly();
        });

        assertThat(rows(holder)).isEmpty();
        assertThat(bookings.freeSeats(slot, false).get("SYS")).isEqualTo(free);
    }

    @Test
    void releasingFreesTheSeats() {
        Slot slot = new Slot(FarDates.next(), HalfDay.AM);
        String holder = "tender-" + VenueRequests.uniqueCode();
        Map<String, Integer> before = bookings.freeSeats(slot, false);
        bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot, Map.of("YC", 2, "HH", 1), false);
        assertThat(bookings.freeSeats(slot, false).get("YC")).isEqualTo(before.get("YC") - 2);

        assertThat(bookings.release(holder)).isEqualTo(3);

        assertThat(bookings.freeSeats(slot, false)).isEqualTo(before);
        assertThat(bookings.release(holder)).isZero();
    }

    @Test
    void concurrentBookersOfOneSlotNeverDoubleBook() throws Exception {
        Slot slot = new Slot(FarDates.next(), HalfDay.AM);
        Map<String, Integer> free = bookings.freeSeats(slot, false);
        int possible = Math.min(free.get("DXAL"), free.get("HH"));
        assertThat(possible).as("seats must be scarce for this test").isLessThan(THREADS);
        String prefix = "race-" + VenueRequests.uniqueCode() + "-";
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String holder = prefix + i;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        transaction.executeWithoutResult(status -> bookings.book(holder, BookingPurpose.RANDOM_DRAW,
                                slot, Map.of("DXAL", 1, "HH", 1), false));
                        booked.incrementAndGet();
                    } catch (SeatsUnavailable e) {
                        refused.incrementAndGet();
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(booked.get()).isEqualTo(possible);
        assertThat(refused.get()).isEqualTo(THREADS - possible);
        List<Long> workstations = jdbc.sql("SELECT workstation_id FROM workstation_booking WHERE eval_date = ? "
                + "AND half_day = 'AM' AND holder_ref LIKE ?").params(Date.valueOf(slot.date()), prefix + "%")
                .query(Long.class).list();
        assertThat(workstations).hasSize(2 * possible).doesNotHaveDuplicates();
        long perHolder = jdbc.sql("SELECT COUNT(DISTINCT holder_ref) FROM workstation_booking WHERE holder_ref LIKE ?")
                .param(prefix + "%").query(Long.class).single();
        assertThat(perHolder).isEqualTo(possible);
        assertThat(bookings.freeSeats(slot, false).get(free.get("DXAL") <= free.get("HH") ? "DXAL" : "HH")).isZero();
        for (int i = 0; i < THREADS; i++) {
            bookings.release(prefix + i);
        }
    }

    private List<Map<String, Object>> rows(String holder) {
        return Collections.unmodifiableList(jdbc.sql("SELECT w.center_code, w.code, b.session_code, b.purpose "
                + "FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id WHERE b.holder_ref = ? "
                + "ORDER BY w.center_code, w.code").param(holder)
                .query((rs, n) -> Map.<String, Object>of("center", rs.getString(1), "code", rs.getString(2), "session",
                        rs.getString(3), "purpose", rs.getString(4)))
                .list());
    }
}
