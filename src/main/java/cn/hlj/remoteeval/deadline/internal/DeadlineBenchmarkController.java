package cn.hlj.remoteeval.deadline.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.deadline.DeadlineBreached;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The deadline benchmark's endpoints ({@code bench/run-deadlines.sh}); only under the {@code bench} profile.
 * {@code open}: a year of tenders with a main venue and two sub-venues, three deadlines each (two
 * sub-venue hand-overs, one to the tenderer), each opened in its own transaction as the hand-over
 * service does. {@code burst}: deadlines whose breach triggers are moved into one minute, and the
 * delay between each trigger's time and its firing (taken when the breach event is published).
 */
@RestController
@Profile("bench")
@Hidden
class DeadlineBenchmarkController {

    private final Deadlines deadlines;
    private final DeadlineTriggers triggers;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<String, Instant> burstDue = new ConcurrentHashMap<>();
    private final Map<String, Instant> burstFired = new ConcurrentHashMap<>();

    DeadlineBenchmarkController(Deadlines deadlines, DeadlineTriggers triggers, TransactionTemplate transaction,
            Clock clock) {
        this.deadlines = deadlines;
        this.triggers = triggers;
        this.transaction = transaction;
        this.clock = clock;
    }

    @PostMapping("/api/bench/deadlines/open")
    Map<String, Object> open(@RequestParam(defaultValue = "10000") int count, @RequestParam(defaultValue = "8") int threads)
            throws Exception {
        int tenders = (count + 2) / 3;
        LocalDate today = LocalDate.now(clock);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        List<Integer> awaiting = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < tenders; t++) {
                int tender = t;
                futures.add(pool.submit(() -> {
                    String tenderId = UUID.randomUUID().toString();
                    // Evaluations spread evenly over the coming year.
                    LocalDate ended = today.plusDays(1 + (long) tender * 365 / tenders);
                    for (int k = 0; k < 3 && tender * 3 + k < count; k++) {
                        DeadlineKind kind = k < 2 ? DeadlineKind.AV_HANDOVER_TO_MAIN : DeadlineKind.AV_HANDOVER_TO_TENDERER;
                        LocalDate from = k < 2 ? ended : ended.plusDays(7);
                        long t0 = System.nanoTime();
                        DeadlineTicket ticket = deadlines.open(kind, tenderId, "BENCH-" + UUID.randomUUID(), from);
                        nanos.add(System.nanoTime() - t0);
                        if (ticket.awaitingCalendar()) {
                            awaiting.add(ticket.missingYear());
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        long elapsed = System.nanoTime() - start;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("opened", nanos.size());
        result.put("awaitingCalendar", awaiting.size());
        result.put("seconds", round(elapsed / 1e9));
        result.put("perSecond", round(nanos.size() / (elapsed / 1e9)));
        result.putAll(percentiles("openMs", nanos.stream().map(n -> n / 1e6).toList()));
        return result;
    }

    @PostMapping("/api/bench/deadlines/burst")
    Map<String, Object> burst(@RequestParam(defaultValue = "1000") int count,
            @RequestParam(defaultValue = "30") int leadSeconds) {
        burstDue.clear();
        burstFired.clear();
        Instant minute = Instant.now().plusSeconds(leadSeconds);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            DeadlineTicket ticket = deadlines.open(DeadlineKind.CLUE_TO_MAIN, UUID.randomUUID().toString(),
                    "BURST-" + UUID.randomUUID(), LocalDate.now(clock).plusDays(60));
            Instant due = minute.plusMillis(ThreadLocalRandom.current().nextLong(60_000));
            transaction.executeWithoutResult(status -> {
                DeadlineRecord record = new DeadlineRecord(ticket.id(), ticket.kind(), "-", "-", null, ticket.dueDate(),
                        due, null, cn.hlj.remoteeval.deadline.DeadlineState.REMINDED, null, null, 0);
                // Only the breach, moved into the minute (the wall clock is the application's clock here).
                triggers.schedule(record);
            });
            burstDue.put(ticket.id(), due);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scheduled", count);
        result.put("scheduleSeconds", round((System.nanoTime() - start) / 1e9));
        result.put("minuteStartsInSeconds", round(Duration.between(Instant.now(), minute).toMillis() / 1e3));
        return result;
    }

    @EventListener
    void breached(DeadlineBreached event) {
        if (burstDue.containsKey(event.deadlineId())) {
            burstFired.putIfAbsent(event.deadlineId(), Instant.now());
        }
    }

    @GetMapping("/api/bench/deadlines/burst")
    Map<String, Object> burstResult() {
        List<Double> delays = new ArrayList<>();
        for (Map.Entry<String, Instant> fired : burstFired.entrySet()) {
            delays.add((double) Duration.between(burstDue.get(fired.getKey()), fired.getValue()).toMillis());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("due", burstDue.size());
        result.put("fired", burstFired.size());
        result.putAll(percentiles("delayMs", delays));
        return result;
    }

    private static Map<String, Object> percentiles(String prefix, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        if (sorted.isEmpty()) {
            return result;
        }
        result.put(prefix + ".p50", round(at(sorted, 0.50)));
        result.put(prefix + ".p95", round(at(sorted, 0.95)));
        result.put(prefix + ".p99", round(at(sorted, 0.99)));
        result.put(prefix + ".max", round(sorted.get(sorted.size() - 1)));
        result.put(prefix + ".min", round(sorted.get(0)));
        return result;
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
