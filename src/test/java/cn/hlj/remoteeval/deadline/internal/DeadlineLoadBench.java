package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.deadline.DeadlineBreached;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * The deadline benchmark of issue 6, in the application's own Spring context with the real clustered
 * Quartz job store (H2 in memory, or MariaDB under the {@code it-mariadb} execution). Not a check of
 * behaviour: excluded from {@code ./mvnw verify}; run with {@code -Dgroups=benchmark} (bench/README.md).
 *
 * <ol>
 * <li>opens {@code bench.deadlines.count} deadlines (10,000) from {@code bench.deadlines.threads} threads (8),
 * each {@link Deadlines#open} in its own transaction, as the hand-over service does: a year of tenders
 * with a main venue and two sub-venues, two hand-overs to the main venue and one to the tenderer each;</li>
 * <li>while they stay open, {@code bench.deadlines.burst} (1,000) more whose breach triggers are moved to
 * random instants in one minute starting {@code bench.deadlines.lead} seconds (30) later, and waits until
 * every one has fired. The delay after each trigger's time is taken when its {@link DeadlineBreached}
 * is published (inside the firing), and compared with the lateness timer production keeps.</li>
 * </ol>
 *
 * Prints the figures; asserts only that everything was opened and fired.
 */
@Tag("benchmark")
@RemoteEvalIntegrationTest
class DeadlineLoadBench {

    private static final int COUNT = Integer.getInteger("bench.deadlines.count", 10_000);
    private static final int THREADS = Integer.getInteger("bench.deadlines.threads", 8);
    private static final int BURST = Integer.getInteger("bench.deadlines.burst", 1_000);
    private static final int LEAD_SECONDS = Integer.getInteger("bench.deadlines.lead", 30);

    @Autowired
    Deadlines deadlines;
    @Autowired
    DeadlineTriggers triggers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvc mvc;
    @Autowired
    ConfigurableApplicationContext context;

    private final Map<String, Instant> due = new ConcurrentHashMap<>();
    private final Map<String, Instant> fired = new ConcurrentHashMap<>();

    @Test
    void opensAYearOfDeadlinesThenFiresABurstFallingDueInOneMinute() throws Exception {
        context.addApplicationListener(event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof DeadlineBreached b
                    && due.containsKey(b.deadlineId())) {
                fired.putIfAbsent(b.deadlineId(), Instant.now());
            }
        });
        loadPlaceholderYearsUpTo(LocalDate.now(clock).plusDays(400).getYear());

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "deadline benchmark: %d deadlines opened by %d threads, then %d breaches in one minute",
                COUNT, THREADS, BURST));
        lines.add("database: " + System.getProperty("remote-eval.test.expected-database", "?") + "; heap max "
                + Runtime.getRuntime().maxMemory() / 1_048_576 + " MB");
        long heapBefore = heapUsedAfterGc();
        List<Double> openMs = Collections.synchronizedList(new ArrayList<>());
        int awaiting = openYear(openMs, lines);
        lines.add(String.format(Locale.ROOT, "heap used after GC: before %d MB, with the deadlines open %d MB", heapBefore,
                heapUsedAfterGc()));

        long scheduleStart = System.nanoTime();
        Instant minute = Instant.now().plusSeconds(LEAD_SECONDS);
        for (int i = 0; i < BURST; i++) {
            scheduleBreachWithin(minute);
        }
        lines.add(String.format(Locale.ROOT, "burst: %d deadlines scheduled sequentially in %.1f s; the minute starts %.1f s later",
                BURST, (System.nanoTime() - scheduleStart) / 1e9, Duration.between(Instant.now(), minute).toMillis() / 1e3));
        Instant giveUp = minute.plusSeconds(60 + 180);
        while (fired.size() < BURST && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
        }
        List<Double> delays = new ArrayList<>();
        fired.forEach((id, at) -> delays.add((double) Duration.between(due.get(id), at).toMillis()));
        lines.add("burst: fired " + fired.size() + " of " + BURST);
        lines.add("firing delay after the trigger's time (event published), ms: " + percentiles(delays));
        lines.add("server timers (/actuator/prometheus): " + timer(DeadlineFireJob.LATENESS_TIMER) + "; "
                + timer(DeadlineFireJob.FIRE_TIMER));
        lines.forEach(System.out::println);

        assertThat(openMs).hasSize(COUNT);
        assertThat(awaiting).as("deadlines waiting for a calendar").isZero();
        assertThat(fired).hasSize(BURST);
        assertThat(meters.get(DeadlineFireJob.FIRE_TIMER).tag(DeadlineFireJob.PHASE, "breach").timers().stream()
                .mapToLong(Timer::count).sum()).isGreaterThanOrEqualTo(BURST);
    }

    /** Years the official schedule has not reached yet get a placeholder, so that no deadline waits for one. */
    private void loadPlaceholderYearsUpTo(int lastYear) throws Exception {
        for (int year = LocalDate.now(clock).getYear() + 1; year <= lastYear; year++) {
            String csv = "date,kind,name\n" + year + "-01-01,HOLIDAY,元旦（基准测试占位，非官方安排）\n";
            mvc.perform(MockMvcRequestBuilders.put("/api/calendar/years/" + year).with(httpBasic("demo", "demo"))
                    .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().is2xxSuccessful());
        }
    }

    private int openYear(List<Double> openMs, List<String> lines) throws Exception {
        int tenders = (COUNT + 2) / 3;
        LocalDate today = LocalDate.now(clock);
        List<Integer> awaiting = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < tenders; t++) {
                int tender = t;
                futures.add(pool.submit(() -> {
                    String tenderId = UUID.randomUUID().toString();
                    // Evaluations spread evenly over the coming year.
                    LocalDate ended = today.plusDays(1 + (long) tender * 365 / tenders);
                    for (int k = 0; k < 3 && tender * 3 + k < COUNT; k++) {
                        DeadlineKind kind = k < 2 ? DeadlineKind.AV_HANDOVER_TO_MAIN : DeadlineKind.AV_HANDOVER_TO_TENDERER;
                        long t0 = System.nanoTime();
                        DeadlineTicket ticket = deadlines.open(kind, tenderId, "BENCH-" + UUID.randomUUID(),
                                k < 2 ? ended : ended.plusDays(7));
                        openMs.add((System.nanoTime() - t0) / 1e6);
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
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        lines.add(String.format(Locale.ROOT, "opened %d in %.1f s (%.1f/s), %d awaiting a calendar; one open(), ms: %s",
                openMs.size(), seconds, openMs.size() / seconds, awaiting.size(), percentiles(openMs)));
        return awaiting.size();
    }

    /** A deadline with only its breach trigger, moved to a random instant of the minute (the reminder dropped). */
    private void scheduleBreachWithin(Instant minute) {
        DeadlineTicket ticket = deadlines.open(DeadlineKind.CLUE_TO_MAIN, UUID.randomUUID().toString(),
                "BURST-" + UUID.randomUUID(), LocalDate.now(clock).plusDays(60));
        Instant at = minute.plusMillis(ThreadLocalRandom.current().nextLong(60_000));
        due.put(ticket.id(), at);
        transaction.executeWithoutResult(status -> triggers.schedule(new DeadlineRecord(ticket.id(), ticket.kind(), "-", "-",
                null, ticket.dueDate(), at, null, DeadlineState.REMINDED, null, null, 0)));
    }

    private String timer(String name) {
        StringBuilder text = new StringBuilder(name);
        for (Timer timer : meters.get(name).tag(DeadlineFireJob.PHASE, "breach").timers()) {
            text.append(String.format(Locale.ROOT, " [%s] count %d, mean %.1f ms, max %.1f ms", timer.getId().getTags(),
                    timer.count(), timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS)));
            for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
                text.append(String.format(Locale.ROOT, " p%.0f %.1f ms", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
            }
        }
        return text.toString();
    }

    private static String percentiles(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "p50 %.1f, p95 %.1f, p99 %.1f, max %.1f", at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)));
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_048_576;
    }
}
