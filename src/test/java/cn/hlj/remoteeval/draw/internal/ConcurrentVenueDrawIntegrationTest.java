package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * Many drawers, one slot, too few seats for everyone (runs on H2 and on MariaDB): no workstation
 * is ever booked twice, every drawn tender has its whole committee seated within the spread
 * limits, nobody was sent to the fallback while seats for them remained, and the chain did not fork.
 *
 * <p>The lifecycle's own draw jobs are held (their job definition suspended) so that the test's
 * threads are the only drawers and their number is known; they call the same service the
 * lifecycle's delegate calls.
 */
@RemoteEvalIntegrationTest
class ConcurrentVenueDrawIntegrationTest {

    private static final int TENDERS = 30;
    private static final int DRAWERS = 16;

    @Autowired
    Api api;
    @Autowired
    VenueDraws draws;
    @Autowired
    Tenders tenders;
    @Autowired
    SeatBookings bookings;
    @Autowired
    SeatPlanLimits limits;
    @Autowired
    VenueDrawAlgorithm algorithm;
    @Autowired
    DrawStore store;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    private final List<String> registered = new ArrayList<>();
    private List<JobDefinition> drawJobs;

    @BeforeEach
    void holdTheLifecyclesDrawJobs() {
        drawJobs = management.createJobDefinitionQuery().activityIdIn("DrawVenues").list();
        drawJobs.forEach(definition -> management.suspendJobDefinitionById(definition.getId(), true));
    }

    @AfterEach
    void releaseTheJobsAndRemoveTheTenders() {
        registered.forEach(id -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup")));
        drawJobs.forEach(definition -> management.activateJobDefinitionById(definition.getId(), true));
    }

    @Test
    void concurrentDrawsForOneSlotNeverDoubleBookAndNeverSendATenderToTheFallbackWhileSeatsRemain() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.PM);
        for (int i = 0; i < TENDERS; i++) {
            registered.add(api.register(TenderBody.valid().with("evaluationDate", date.toString()).with("halfDay", "PM"))
                    .get("id").asText());
        }
        assertThat(registered).allSatisfy(id -> assertThat(tenders.find(id).orElseThrow().state())
                .isEqualTo(TenderState.AWAITING_VENUE_DRAW));

        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(registered);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(DRAWERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> drawers = new ArrayList<>();
        for (int t = 0; t < DRAWERS; t++) {
            drawers.add(pool.submit(() -> {
                start.await();
                for (String id = queue.poll(); id != null; id = queue.poll()) {
                    try {
                        draws.draw(id);
                    } catch (RuntimeException e) {
                        failures.add(id + ": " + e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> drawer : drawers) {
            drawer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(failures).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT workstation_id FROM workstation_booking WHERE eval_date = ? "
                + "AND half_day = 'PM' GROUP BY workstation_id HAVING COUNT(*) > 1) d").param(date).query(Long.class)
                .single()).isZero();

        List<String> drawn = new ArrayList<>();
        List<String> fallback = new ArrayList<>();
        for (String id : registered) {
            TenderState state = tenders.find(id).orElseThrow().state();
            assertThat(state).isIn(TenderState.AWAITING_EXPERT_DRAW, TenderState.AWAITING_NEGOTIATION_APPROVAL);
            (state == TenderState.AWAITING_EXPERT_DRAW ? drawn : fallback).add(id);
            assertThat(store.forTender(id)).extracting(DrawRecord::kind).containsExactly(DrawKind.NOTICE, DrawKind.VENUE);
        }
        assertThat(drawn).as("some tenders get seats").isNotEmpty();
        assertThat(fallback).as("the seats are scarce: some tenders fall back").isNotEmpty();
        for (String id : drawn) {
            Map<String, Integer> seats = seatsByCenter(id);
            assertThat(seats.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
            assertThat(seats.keySet().stream().filter(code -> !code.equals("HRB")).count()).isGreaterThanOrEqualTo(2);
            assertThat(seats.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
        }
        for (String id : fallback) {
            assertThat(seatsByCenter(id)).isEmpty();
        }
        // Free seats only ever shrank: if what is left now cannot seat a committee, nobody fell back too early.
        VenueDrawRequest request = new VenueDrawRequest(5, "HRB", slot, limits);
        assertThat(algorithm.draw(DrawSeed.generate(new SecureRandom()).stream(), request,
                bookings.freeSeats(slot, false)).drawn()).isFalse();
        assertThat(api.read(api.get("demo", "/api/draws/chain-verification")).get("intact").asBoolean()).isTrue();
    }

    private Map<String, Integer> seatsByCenter(String holder) {
        Map<String, Integer> seats = new HashMap<>();
        jdbc.sql("SELECT w.center_code, COUNT(*) FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id "
                + "WHERE b.holder_ref = ? GROUP BY w.center_code").param(holder)
                .query((rs, row) -> seats.put(rs.getString(1), rs.getInt(2))).list();
        return seats;
    }
}
