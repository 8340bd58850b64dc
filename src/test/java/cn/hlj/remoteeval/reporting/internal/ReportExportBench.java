package cn.hlj.remoteeval.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.ReportDetailSource;
import cn.hlj.remoteeval.reporting.ReportDetailSource.TenderRow;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.venue.TradingCenter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The monthly report export of issue 7: the real {@link MonthlyReportService#writeWorkbook} (the workbook
 * and its timer) with a detail sheet of {@code bench.report.rows} (1,000,000) tenders registered over a
 * year across the 14 centers, generated one at a time and never held, into a stream that counts the bytes
 * and keeps none. A year of tenders cannot be registered through the API for a benchmark, so this runs the
 * export in a JVM of its own, without the application around it. Heap cap: {@code -Dbench.argLine=-Xmx256m}.
 * Not a check of behaviour: excluded from {@code ./mvnw verify}; run with {@code -Dgroups=benchmark}.
 */
@Tag("benchmark")
class ReportExportBench {

    private static final int ROWS = Integer.getInteger("bench.report.rows", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.report.runs", 2);
    private static final String[] CATEGORIES = { "CONSTRUCTION", "GOODS", "SERVICES", "EPC" };
    private static final String[] SCOPES = { "INTRA_PROVINCE", "CROSS_PROVINCE", "INTRA_PROVINCE", "EXEMPT" };
    private static final String[] STATES = { "已登记", "待抽取专家", "评标中", "评标结束", "已归档" };

    @Test
    void writesAYearOfTendersIntoTheWorkbook() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicLong produced = new AtomicLong();
        MonthlyReportService reports = new MonthlyReportService(ReportFixtures.directory(), List.of(), List.of(),
                List.of(year(produced)), List.of(), ReportFixtures.CLOCK, meters);
        MonthlyReport report = reports.generate(new ReportMonth(java.time.YearMonth.of(2026, 10)));
        System.out.printf(Locale.ROOT, "report export benchmark: %d detail rows, heap max %d MB%n", ROWS,
                Runtime.getRuntime().maxMemory() / 1_048_576);
        long bytes = 0;
        for (int run = 1; run <= RUNS; run++) {
            produced.set(0);
            bytes = exportOnce(reports, report, produced, run);
        }
        Timer timer = meters.get(MonthlyReportService.EXPORT_TIMER).tag("outcome", "written").timer();
        System.out.printf(Locale.ROOT, "timer %s: count %d, mean %.1f s, max %.1f s%n", MonthlyReportService.EXPORT_TIMER,
                timer.count(), timer.mean(TimeUnit.SECONDS), timer.max(TimeUnit.SECONDS));

        assertThat(produced.get()).isEqualTo(ROWS);
        assertThat(bytes).isPositive();
        assertThat(timer.count()).isEqualTo(RUNS);
    }

    private static long exportOnce(MonthlyReportService reports, MonthlyReport report, AtomicLong produced, int run)
            throws IOException {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long usedBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcBefore = gcMillis();
        AtomicLong sampledMax = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                sampledMax.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "report-export-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        CountingStream out = new CountingStream();
        long start = System.nanoTime();
        try {
            reports.writeWorkbook(report, out);
        } finally {
            running.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT,
                "run %d: %d rows in %.2f s (%.0f rows/s), %.1f MB written; heap used before %d MB, sampled max %d MB,"
                        + " pool peaks %d MB; GC %d ms%n",
                run, produced.get(), seconds, produced.get() / seconds, out.count / 1_048_576.0, usedBefore / 1_048_576,
                sampledMax.get() / 1_048_576, poolPeaks / 1_048_576, gcMillis() - gcBefore);
        return out.count;
    }

    /** A year of tenders round-robin over the centers, made one row at a time as the sheet asks for them. */
    private static ReportDetailSource year(AtomicLong produced) {
        List<String> centers = ReportFixtures.CENTERS.stream().map(TradingCenter::code).toList();
        LocalDate yearStart = LocalDate.of(2025, 11, 1);
        int days = (int) (yearStart.plusYears(1).toEpochDay() - yearStart.toEpochDay());
        return (month, sink) -> {
            for (int i = 0; i < ROWS; i++) {
                String code = centers.get(i % centers.size());
                // One name in a thousand looks like a formula, so that the neutraliser's cost is in the figures.
                String name = i % 1000 == 7 ? "=HYPERLINK(\"http://example.invalid\",\"" + i + "\")"
                        : code + " 基准测试项目第 " + i + " 标段（施工、监理及设备采购）";
                sink.accept(new TenderRow(String.format("BENCH-%s-%07d", code, i), name, code, CATEGORIES[i % 4],
                        SCOPES[(i / 4) % 4], i % 9 == 0, yearStart.plusDays((long) i * days / Math.max(ROWS, 1)),
                        STATES[i % STATES.length]));
                produced.incrementAndGet();
            }
        };
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(t -> t > 0).sum();
    }

    /** Counts what the workbook writes and keeps nothing: the figure is the export, not a disk. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
