package cn.hlj.remoteeval.expert.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.expert.ExpertPoolChanged;
import cn.hlj.remoteeval.expert.internal.ExpertImportView.Phase;
import cn.hlj.remoteeval.expert.internal.ExpertImportView.State;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import jakarta.annotation.PreDestroy;

/**
 * The expert pool import (DESIGN.md §4), all or nothing, in two passes over the file, both
 * streaming: pass 1 checks every row and records its progress as it goes (each update commits on
 * its own, so that it can be watched); pass 2 runs only when pass 1 found nothing wrong and writes
 * every row in one transaction. A small file is imported during the request; a larger one in the
 * background, one import at a time, with its progress at {@code /api/experts/imports/{id}}. An import
 * that created or updated experts publishes one {@link ExpertPoolChanged} in its writing transaction.
 */
@Service
class ExpertImports {

    static final String AUDIT_SUBJECT = "expert-import";
    static final int MAX_LISTED_ERRORS = 200;
    /** How often (in data rows) pass 1 writes its progress. */
    static final int PROGRESS_EVERY = 1_000;
    /** A RUNNING import that has written no progress for this long was left by a stopped node. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);
    /** How long a stopping node waits for its running import (a 100,000-row file takes under a minute). */
    static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(ExpertImports.class);

    private final JdbcExpertImports store;
    private final ExpertWriter writer;
    private final JdbcSpecialties specialties;
    private final TradingCenters centers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final long backgroundThresholdBytes;
    private final int maxRows;
    private final ThreadPoolExecutor background;
    /** One writing pass at a time on this node; across nodes the unique blind index decides. */
    private final ReentrantLock writing = new ReentrantLock();

    ExpertImports(JdbcExpertImports store, ExpertWriter writer, JdbcSpecialties specialties, TradingCenters centers,
            AuditLog audit, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
            @Value("${remote-eval.expert-pool.import.background-threshold-bytes:131072}") long backgroundThresholdBytes,
            @Value("${remote-eval.expert-pool.import.max-rows:200000}") int maxRows,
            @Value("${remote-eval.expert-pool.import.queue-capacity:4}") int queueCapacity) {
        this.store = store;
        this.writer = writer;
        this.specialties = specialties;
        this.centers = centers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.backgroundThresholdBytes = backgroundThresholdBytes;
        this.maxRows = maxRows;
        AtomicInteger threads = new AtomicInteger();
        this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueCapacity)), runnable -> {
                    Thread thread = new Thread(runnable, "expert-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Waits for the running import instead of interrupting it: an interrupt closes the embedded
     * database's file channel. Imports still queued never start; they are failed here.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        List<Runnable> queued = new ArrayList<>();
        background.getQueue().drainTo(queued);
        background.shutdown();
        for (Runnable runnable : queued) {
            if (runnable instanceof QueuedImport waiting) {
                waiting.abandon();
            }
        }
        if (!background.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            log.warn("A background expert import was still running at shutdown; it writes nothing and is failed at "
                    + "the next start");
        }
    }

    /** A background import waiting for the import thread. */
    private final class QueuedImport implements Runnable {

        private final String id;
        private final Path file;
        private final StreamingTable.Format format;
        private final String actor;

        QueuedImport(String id, Path file, StreamingTable.Format format, String actor) {
            this.id = id;
            this.file = file;
            this.format = format;
            this.actor = actor;
        }

        @Override
        public void run() {
            try {
                ExpertImports.this.run(id, file, format, actor);
            } catch (RuntimeException e) {
                // Logged and recorded as FAILED by run(); nobody waits for this thread.
            }
        }

        void abandon() {
            delete(file);
            finish(id, State.FAILED, new JdbcExpertImports.Progress(0, 0, 1, List.of(new FieldViolation(
                    StreamingTable.FILE_FIELD, "系统停止时导入尚未开始，未导入任何数据，请重新上传"))), null, actor);
        }
    }

    /** An import whose node stopped never committed its data; it is shown as failed, not as running forever. */
    @EventListener(ApplicationReadyEvent.class)
    void failAbandonedImports() {
        Instant now = clock.instant();
        int failed = store.failAbandoned(now.minus(ABANDONED_AFTER), now);
        if (failed > 0) {
            log.warn("{} expert import(s) left running by a stopped node marked failed", failed);
        }
    }

    /** What {@link #start} did: the import, and whether it still runs in the background. */
    record Started(ExpertImportView view, boolean inBackground) {
    }

    /**
     * Starts an import of the uploaded file. Answers at once for a file whose shape is wrong (400)
     * and, for a small file, after the import (422 when a row is wrong, nothing imported).
     */
    Started start(MultipartFile upload, String actor) {
        if (upload == null || upload.isEmpty()) {
            throw ApiProblemException.invalid(StreamingTable.FILE_FIELD, "请上传文件（表单字段 file），文件不能为空");
        }
        StreamingTable.Format format = StreamingTable.Format.of(upload.getOriginalFilename());
        if (format == null) {
            throw ApiProblemException.invalid(StreamingTable.FILE_FIELD, "只支持 .xlsx 或 UTF-8 编码的 .csv 文件");
        }
        Path file = copy(upload, format);
        boolean handedOver = false;
        try {
            checkHeader(file, format);
            String id = UUID.randomUUID().toString();
            boolean inBackground = upload.getSize() > backgroundThresholdBytes;
            store.create(id, inBackground, fileName(upload.getOriginalFilename()), upload.getSize(), actor,
                    clock.instant());
            if (inBackground) {
                try {
                    background.execute(new QueuedImport(id, file, format, actor));
                    handedOver = true;
                } catch (RejectedExecutionException e) {
                    finish(id, State.FAILED, new JdbcExpertImports.Progress(0, 0, 1, List.of(new FieldViolation(
                            StreamingTable.FILE_FIELD, "导入任务繁忙，未导入任何数据，请稍后重新上传"))), null, actor);
                    throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "导入任务繁忙",
                            "已有导入任务在执行或排队，请稍后重新上传。", List.of());
                }
                return new Started(view(id), true);
            }
            handedOver = true;
            Outcome outcome = run(id, file, format, actor);
            ExpertImportView view = view(id);
            switch (outcome) {
                case REJECTED -> throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "导入文件有误",
                        "文件中有 " + view.errorCount() + " 处错误" + (view.errorCount() > MAX_LISTED_ERRORS
                                ? "（列出前 " + MAX_LISTED_ERRORS + " 处）" : "")
                                + "，整个文件未导入。请按 errors 逐项修改后重新上传（导入编号 " + id + "）。",
                        view.errors());
                case CONFLICT -> throw new ApiProblemException(HttpStatus.CONFLICT, "与其他导入冲突",
                        "另一导入同时写入了相同的专家，本文件未导入任何数据，请重新上传（导入编号 " + id + "）。", List.of());
                default -> {
                    return new Started(view, false);
                }
            }
        } finally {
            if (!handedOver) {
                delete(file);
            }
        }
    }

    ExpertImportView view(String id) {
        return store.find(id).orElseThrow(() -> ApiProblemException.notFound("导入不存在：" + id));
    }

    List<ExpertImportView> recent() {
        return store.recent(20);
    }

    enum Outcome {
        SUCCEEDED, REJECTED, CONFLICT
    }

    /** Both passes; the file is deleted afterwards whatever happens. */
    Outcome run(String id, Path file, StreamingTable.Format format, String actor) {
        Validation validation = new Validation(id);
        long started = System.nanoTime();
        try {
            StreamingTable.read(file, format, new ImportRows(validation, validation::problem));
            validation.end();
            long checked = System.nanoTime();
            if (validation.errorCount > 0) {
                finish(id, State.REJECTED, validation.progress(), null, actor);
                log.info("Expert import {} rejected: {} rows read, {} problems ({} ms)", id, validation.rowsRead,
                        validation.errorCount, (checked - started) / 1_000_000);
                return Outcome.REJECTED;
            }
            store.progress(id, Phase.WRITING, validation.progress(), clock.instant());
            writing.lock();
            ExpertWriter.Counts[] written = new ExpertWriter.Counts[1];
            try {
                transaction.executeWithoutResult(status -> {
                    written[0] = write(id, file, format, actor);
                    finish(id, State.SUCCEEDED, validation.progress(), written[0], actor);
                    if (written[0].created() + written[0].updated() > 0) {
                        events.publishEvent(new ExpertPoolChanged(clock.instant()));
                    }
                });
            } finally {
                writing.unlock();
            }
            log.info("Expert import {} succeeded: {} rows, {} created, {} updated, {} unchanged "
                    + "(checked in {} ms, written in {} ms)", id, validation.rowsRead, written[0].created(),
                    written[0].updated(), written[0].unchanged(), (checked - started) / 1_000_000,
                    (System.nanoTime() - checked) / 1_000_000);
            return Outcome.SUCCEEDED;
        } catch (StreamingTable.Unreadable e) {
            validation.problem(new FieldViolation(e.field(), e.getMessage()));
            finish(id, State.REJECTED, validation.progress(), null, actor);
            return Outcome.REJECTED;
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            log.warn("Expert import {} conflicted with a concurrent change and wrote nothing ({})", id,
                    e.getClass().getSimpleName());
            finish(id, State.FAILED, new JdbcExpertImports.Progress(validation.rowsRead, validation.rowsValid, 1,
                    List.of(new FieldViolation(StreamingTable.FILE_FIELD,
                            "与同时进行的其他导入或修改冲突，未导入任何数据，请重新导入"))), null, actor);
            return Outcome.CONFLICT;
        } catch (RuntimeException e) {
            log.error("Expert import {} failed and wrote nothing", id, e);
            finish(id, State.FAILED, new JdbcExpertImports.Progress(validation.rowsRead, validation.rowsValid, 1,
                    List.of(new FieldViolation(StreamingTable.FILE_FIELD,
                            "导入因系统错误中止，未导入任何数据（导入编号 " + id + "），请联系运维人员"))), null, actor);
            throw e;
        } finally {
            delete(file);
        }
    }

    /** Pass 2: every row, in chunks, inside the caller's transaction. */
    private ExpertWriter.Counts write(String id, Path file, StreamingTable.Format format, String actor) {
        ExpertImportRows rows = new ExpertImportRows(specialties.codes(), centerCodes(), today());
        List<ExpertFields> chunk = new ArrayList<>(JdbcExperts.CHUNK);
        ExpertWriter.Counts[] total = { ExpertWriter.Counts.NONE };
        String source = "IMPORT:" + id;
        Instant at = clock.instant();
        StreamingTable.read(file, format, new ImportRows((number, cells, extra) -> {
            ExpertFields fields = rows.check(number, cells, problem -> {
                throw new IllegalStateException("Row " + number + " passed validation but not the second reading");
            });
            chunk.add(fields);
            if (chunk.size() == JdbcExperts.CHUNK) {
                total[0] = total[0].plus(writer.upsert(chunk, source, actor, at));
                chunk.clear();
            }
        }, problem -> {
            throw new IllegalStateException("A row passed validation but not the second reading");
        }));
        if (!chunk.isEmpty()) {
            total[0] = total[0].plus(writer.upsert(chunk, source, actor, at));
        }
        return total[0];
    }

    private void finish(String id, State state, JdbcExpertImports.Progress progress, ExpertWriter.Counts counts,
            String actor) {
        Instant now = clock.instant();
        store.finish(id, state, progress, counts, now);
        String detail = "rowsRead=" + progress.rowsRead() + ", rowsValid=" + progress.rowsValid() + ", errors="
                + progress.errorCount() + (counts == null ? ""
                        : ", created=" + counts.created() + ", updated=" + counts.updated() + ", unchanged="
                                + counts.unchanged());
        audit.append(now, actor, "EXPERT_IMPORT_" + state.name(), AUDIT_SUBJECT, id, detail);
    }

    /** Pass 1: every row checked; progress written every {@value #PROGRESS_EVERY} rows. */
    private final class Validation implements ImportRows.DataRowHandler {

        private final String id;
        private final ExpertImportRows rows;
        private final List<FieldViolation> errors = new ArrayList<>();
        long rowsRead;
        long rowsValid;
        long errorCount;

        Validation(String id) {
            this.id = id;
            this.rows = new ExpertImportRows(specialties.codes(), centerCodes(), today());
        }

        @Override
        public void row(int number, List<String> cells, boolean extraCells) {
            rowsRead++;
            if (rowsRead > maxRows) {
                rowsRead--;
                problem(new FieldViolation(StreamingTable.FILE_FIELD,
                        "一次最多导入 " + maxRows + " 行数据，请拆分文件后分批导入"));
                throw new StreamingTable.Stop();
            }
            if (rows.check(number, cells, this::problem) != null && !extraCells) {
                rowsValid++;
            }
            if (rowsRead % PROGRESS_EVERY == 0) {
                store.progress(id, Phase.VALIDATING, progress(), clock.instant());
            }
        }

        void problem(FieldViolation violation) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(violation);
            }
        }

        void end() {
            if (rowsRead == 0 && errorCount == 0) {
                problem(new FieldViolation(StreamingTable.FILE_FIELD, "文件中除表头外没有数据行"));
            }
        }

        JdbcExpertImports.Progress progress() {
            return new JdbcExpertImports.Progress(rowsRead, rowsValid, errorCount, List.copyOf(errors));
        }
    }

    /** Row 1 must be the header; checked before anything is recorded, so that a wrong file answers 400 at once. */
    private static void checkHeader(Path file, StreamingTable.Format format) {
        FieldViolation[] problem = { ImportRows.headerProblem(0, List.of()) };
        try {
            StreamingTable.read(file, format, (number, cells) -> {
                problem[0] = ImportRows.headerProblem(number, cells);
                throw new StreamingTable.Stop();
            });
        } catch (StreamingTable.Unreadable e) {
            throw ApiProblemException.invalid(e.field(), e.getMessage());
        }
        if (problem[0] != null) {
            throw ApiProblemException.invalid(List.of(problem[0]));
        }
    }

    private Set<String> centerCodes() {
        Set<String> codes = new HashSet<>();
        for (TradingCenter center : centers.all()) {
            codes.add(center.code());
        }
        return codes;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The upload, copied to a file only this process can read: it holds personal data in plain text. */
    private static Path copy(MultipartFile upload, StreamingTable.Format format) {
        Path file = null;
        try {
            file = tempFile(format);
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw ApiProblemException.invalid(StreamingTable.FILE_FIELD, "文件读取失败，请重新上传");
        }
    }

    private static Path tempFile(StreamingTable.Format format) throws IOException {
        String suffix = "." + format.name().toLowerCase(java.util.Locale.ROOT);
        try {
            return Files.createTempFile("expert-import-", suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile("expert-import-", suffix);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Temporary import file could not be deleted: {}", file.getFileName());
        }
    }

    private static String fileName(String original) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
