package cn.hlj.remoteeval.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.MonthlyReports;
import cn.hlj.remoteeval.reporting.ReportDetailSource;
import cn.hlj.remoteeval.reporting.ReportDetailSource.TenderRow;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The driver of {@code bench/run-report-export.sh}: writes the monthly workbook of last month (the
 * real figures) with a detail sheet of {@code rows} synthetic tenders registered over a whole year
 * across the 14 centers, generated one at a time and never held, into a stream that counts the bytes
 * and keeps none. Answers the time and the heap: used heap sampled every 20 ms during the export, and
 * the sum of the heap pools' peaks (an upper bound). Exists only under the {@code bench} profile, for operators.
 */
@RestController
@Profile("bench")
@Hidden
class ReportExportBenchmarkController {

    private static final String[] CATEGORIES = { "CONSTRUCTION", "GOODS", "SERVICES", "EPC" };
    private static final String[] SCOPES = { "INTRA_PROVINCE", "CROSS_PROVINCE", "INTRA_PROVINCE", "EXEMPT" };
    private static final String[] STATES = { "已登记", "待抽取专家", "评标中", "评标结束", "已归档" };

    private final MonthlyReports reports;
    private final CurrentActor actor;

    ReportExportBenchmarkController(MonthlyReports reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    @PostMapping("/api/bench/reports/export")
    Map<String, Object> export(@RequestParam(defaultValue = "1000000") int rows) throws IOException {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("仅运维人员可执行基准测试。");
        }
        if (rows < 0) {
            throw ApiProblemException.invalid("rows", "不能为负数");
        }
        MonthlyReport report = reports.generate(new ReportMonth(YearMonth.now(ReportMonth.PROVINCE).minusMonths(1)));
        List<String> centers = report.centers().stream().map(MonthlyReport.Row::code).toList();
        LocalDate yearStart = report.month().firstDay().minusMonths(11);
        int days = (int) (yearStart.plusYears(1).toEpochDay() - yearStart.toEpochDay());
        AtomicLong produced = new AtomicLong();
        ReportDetailSource year = (month, sink) -> {
            for (int i = 0; i < rows; i++) {
                String code = centers.get(i % centers.size());
                // One name in a thousand looks like a formula, so that the neutraliser's cost is in the figures.
                String name = i % 1000 == 7 ? "=HYPERLINK(\"http://example.invalid\",\"" + i + "\")"
                        : code + " 基准测试项目第 " + i + " 标段（施工、监理及设备采购）";
                sink.accept(new TenderRow(String.format("BENCH-%s-%07d", code, i), name, code, CATEGORIES[i % 4],
                        SCOPES[(i / 4) % 4], i % 9 == 0, yearStart.plusDays((long) i * days / Math.max(rows, 1)),
                        STATES[i % STATES.length]));
                produced.incrementAndGet();
            }
        };

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
            new MonthlyWorkbook(report, List.of(year)).write(out);
        } finally {
            running.set(false);
        }
        long nanos = System.nanoTime() - start;
        long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rows", produced.get());
        answer.put("seconds", Math.round(nanos / 1e7) / 100.0);
        answer.put("rowsPerSecond", Math.round(produced.get() / (nanos / 1e9)));
        answer.put("bytes", out.count);
        answer.put("heapMaxMb", Runtime.getRuntime().maxMemory() / 1_048_576);
        answer.put("heapUsedBeforeMb", usedBefore / 1_048_576);
        answer.put("heapUsedSampledMaxMb", sampledMax.get() / 1_048_576);
        answer.put("heapPoolPeaksSumMb", poolPeaks / 1_048_576);
        answer.put("gcMillis", gcMillis() - gcBefore);
        return answer;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
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
