import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Driver of the expert pool and expert draw benchmark ({@code bench/run-expert-draw.sh}). Single file, JDK only
 * (the {@code verify} mode loads the JDBC driver given on the class path). Every mode appends its figures as
 * {@code key=value} lines to {@code --out}.
 *
 * <pre>
 * java bench/ExpertDrawLoad.java prepare --base-url URL --specialties 200 --codes-out codes.txt --centers-out centers.txt
 * java bench/ExpertDrawLoad.java import  --base-url URL --file pool.xlsx [--gc-log gc.log] [--prefix xlsx] --out F
 * java bench/ExpertDrawLoad.java draws   --base-url URL --codes codes.txt --employers employers.txt --tenders-out T
 *      [--warmup-draws 300] [--latency-draws 300] [--per-slot 25] [--concurrent 64] [--rounds 3] [--workstations 50]
 *      [--declarations 6] [--attempts 3] [--days-ahead 60] [--app-pid PID] [--db-pid PID] --out F
 * java -cp h2.jar:mysql-connector-j.jar bench/ExpertDrawLoad.java verify --jdbc-url URL --db-user U --db-password P
 *      --tenders T --out F
 * </pre>
 *
 * <p><b>prepare</b> makes sure the specialty table holds at least {@code --specialties} codes: it adds the
 * missing ones as pool administrator through {@code POST /api/specialties} (codes {@code <parent><NN>} under
 * C0201, B0901, A0801 and B0130, the pattern of the expert module: a capital letter and 2–8 digits, a child
 * starting with its parent's code), then writes the first N codes in code order, and the trading centers.
 *
 * <p><b>import</b> uploads the file as pool administrator ({@code POST /api/experts/import}, multipart
 * {@code file}); a large file is imported in the background, so it then polls
 * {@code GET /api/experts/imports/{id}} every 200 ms until the state is no longer RUNNING. Meanwhile it samples
 * {@code /actuator/metrics/jvm.memory.used?tag=area:heap} as operator every 200 ms. Figures: wall time from the
 * POST to the final state seen, the server's own startedAt..finishedAt, the validation and writing phases, the
 * heap (sampled peak; and from the GC log of the window, when given: the peak before and after a collection).
 *
 * <p><b>draws</b> imports {@code --workstations} workstations in every center, registers the tenders (SERVICES
 * 9,000,000.00: intra-province, in the rollout; committee 7 = 4 + 3 experts of two specialties; a tenderer, a
 * project code), records 5 bidders for each (bid opening), adds declarations for experts of each tender's
 * specialties (relations with its tenderer and first bidder, participation in its project, a leave on its date),
 * runs the venue draws ({@code /api/bench/venue-draw-jobs}) and the expert-draw timers, and then the expert draws
 * through {@code /api/bench/expert-draw-jobs/{jobId}}:
 * <ul>
 * <li>latency: one drawer, one draw at a time, first {@code --warmup-draws} (not the figures), then
 *     {@code --latency-draws}; tenders {@code --per-slot} to a slot (AM and PM of consecutive days), two random
 *     specialties of the pool each;</li>
 * <li>concurrency: {@code --rounds} rounds, each {@code --concurrent} tenders for one slot of its own, all of a
 *     round with the same two specialties, drawn by as many threads released at once; a failed attempt is
 *     retried at once up to {@code --attempts}.</li>
 * </ul>
 * Server times per draw: {@code executeJob} of the DrawExperts job (draw, then the lifecycle up to the seats'
 * confirmations: 7 called processes with their answer timers, in the same transaction), and within it the
 * expert draw service's {@code draw()}. It writes every tender (id, phase, slot, state) to {@code --tenders-out}.
 *
 * <p><b>verify</b> runs after the application has stopped and counts from the tables: experts booked twice in a
 * half-day (the issue's query), drawn tenders without exactly 7 seats held, seats breaking the exclusions or the
 * composition, exclusions recorded by rule, draw records per tender, the pool.
 */
public class ExpertDrawLoad {

    static final Pattern CODE = Pattern.compile("[{,]\\s*\"code\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern PHASE = Pattern.compile("\"phase\"\\s*:\\s*\"([A-Z_]+)\"");
    static final String DRAW_TIMER = "remote_eval_expert_draw_seconds";
    static final String SCREENING_TIMER = "remote_eval_expert_draw_screening_seconds";
    static final Pattern ERROR = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern EXPERT_REF = Pattern.compile("\"expertRef\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");
    static final Pattern INTACT = Pattern.compile("\"intact\"\\s*:\\s*(true|false)");
    static final Pattern RECORDS = Pattern.compile("\"records\"\\s*:\\s*(\\d+)");

    static final String DRAWN = "AWAITING_EXPERT_CONFIRMATIONS";
    static final String SHORTAGE = "EXPERT_SHORTAGE";
    static final String VENUES_FIXED = "AWAITING_EXPERT_DRAW";
    static final int COMMITTEE = 7;

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.out.println("usage: java bench/ExpertDrawLoad.java prepare|import|draws|verify [options] (see the class comment)");
            return;
        }
        Map<String, String> opts = parse(Arrays.copyOfRange(args, 1, args.length));
        Map<String, String> results = new LinkedHashMap<>();
        try {
            switch (args[0]) {
                case "prepare" -> new Api(opts).prepare(opts, results);
                case "import" -> new Api(opts).importFile(opts, results);
                case "draws" -> new Draws(opts, results).run();
                case "verify" -> verify(opts, results);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } finally {
            if (opts.containsKey("out")) {
                try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(opts.get("out")), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
                    results.forEach((k, v) -> writer.println(k + "=" + v));
                }
            }
        }
    }

    record Answer(int status, String body) {
    }

    /** HTTP Basic with the demo accounts (password = user name). */
    static class Api {
        final String baseUrl;
        final String label;
        final Operator.Http operator;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Api(Map<String, String> opts) {
            baseUrl = opts.getOrDefault("base-url", "http://127.0.0.1:8080");
            operator = Operator.demo(baseUrl);
            label = opts.getOrDefault("label", "app");
        }

        Answer get(String user, String path) throws IOException, InterruptedException {
            return send("GET", path, user, null, (String) null);
        }

        Answer send(String method, String path, String user, String contentType, String body)
                throws IOException, InterruptedException {
            return send(method, path, user, contentType,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }

        Answer send(String method, String path, String user, String contentType, HttpRequest.BodyPublisher body)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(300))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }

        List<String> centers() throws Exception {
            List<String> centers = new ArrayList<>();
            Matcher codes = CODE.matcher(require(get("demo", "/api/centers"), 200, "GET /api/centers").body());
            while (codes.find()) {
                centers.add(codes.group(1));
            }
            return centers;
        }

        // -----------------------------------------------------------------------------------------
        // prepare

        void prepare(Map<String, String> opts, Map<String, String> results) throws Exception {
            int wanted = Integer.parseInt(opts.getOrDefault("specialties", "200"));
            TreeSet<String> codes = specialtyCodes();
            int seeded = codes.size();
            int added = 0;
            outer:
            for (String parent : List.of("C0201", "B0901", "A0801", "B0130")) {
                for (int nn = 30; nn <= 99; nn++) {
                    if (codes.size() >= wanted) {
                        break outer;
                    }
                    String code = parent + nn;
                    if (codes.contains(code)) {
                        continue;
                    }
                    Answer answer = send("POST", "/api/specialties", "pool-admin", "application/json",
                            "{\"code\":\"" + code + "\",\"name\":\"基准测试专业 " + code + "\",\"parentCode\":\"" + parent + "\"}");
                    if (answer.status() != 201 && answer.status() != 409) {
                        throw new IllegalStateException("POST /api/specialties " + code + ": HTTP " + answer.status() + " "
                                + shorten(answer.body(), 300));
                    }
                    codes.add(code);
                    added += answer.status() == 201 ? 1 : 0;
                }
            }
            if (codes.size() < wanted) {
                throw new IllegalStateException("only " + codes.size() + " specialty codes");
            }
            List<String> chosen = new ArrayList<>(codes).subList(0, wanted);
            Files.write(Path.of(opts.get("codes-out")), chosen, StandardCharsets.UTF_8);
            List<String> centers = centers();
            Files.writeString(Path.of(opts.get("centers-out")), String.join(",", centers), StandardCharsets.UTF_8);
            results.put("specialties.before", Integer.toString(seeded));
            results.put("specialties.added", Integer.toString(added));
            results.put("specialties.used", Integer.toString(chosen.size()));
            results.put("centers", Integer.toString(centers.size()));
            System.out.printf(Locale.ROOT, "[%s] specialties: %d in the table before, %d added through POST /api/specialties, %d used;"
                    + " %d centers%n", label, seeded, added, chosen.size(), centers.size());
        }

        TreeSet<String> specialtyCodes() throws Exception {
            TreeSet<String> codes = new TreeSet<>();
            Matcher m = CODE.matcher(require(get("pool-admin", "/api/specialties"), 200, "GET /api/specialties").body());
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        }

        // -----------------------------------------------------------------------------------------
        // import

        void importFile(Map<String, String> opts, Map<String, String> results) throws Exception {
            Path file = Path.of(opts.get("file"));
            String p = opts.getOrDefault("prefix", "import") + ".";
            String name = file.getFileName().toString();
            String type = name.endsWith(".csv") ? "text/csv; charset=UTF-8"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            String boundary = "----xbench" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                    + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));

            HeapSampler heap = new HeapSampler(this, Integer.parseInt(opts.getOrDefault("heap-sample-ms", "200")));
            heap.start();
            Thread.sleep(500); // a baseline sample before the upload
            long baseline = heap.max.get();
            Instant wallStart = Instant.now();
            long t0 = System.nanoTime();
            Answer started = send("POST", "/api/experts/import", "pool-admin", "multipart/form-data; boundary=" + boundary, body);
            long tPosted = System.nanoTime();
            if (started.status() != 202 && started.status() != 200) {
                heap.stop();
                throw new IllegalStateException("POST /api/experts/import: HTTP " + started.status() + " " + shorten(started.body(), 500));
            }
            String id = group(ID, started.body(), null);
            String view = started.body();
            long tWriting = -1;
            String lastPhase = group(PHASE, view, "?");
            while ("RUNNING".equals(group(STATE, view, "?"))) {
                Thread.sleep(200);
                view = require(get("pool-admin", "/api/experts/imports/" + id), 200, "GET import").body();
                String phase = group(PHASE, view, "?");
                if (!phase.equals(lastPhase) && phase.equals("WRITING")) {
                    tWriting = System.nanoTime();
                }
                lastPhase = phase;
            }
            long t1 = System.nanoTime();
            Instant wallEnd = Instant.now();
            Thread.sleep(400);
            heap.stop();
            double wall = (t1 - t0) / 1e9;
            results.put(p + "file", name);
            results.put(p + "fileMB", String.format(Locale.ROOT, "%.1f", Files.size(file) / 1e6));
            results.put(p + "state", group(STATE, view, "?"));
            results.put(p + "rowsRead", group(Pattern.compile("\"rowsRead\"\\s*:\\s*(\\d+)"), view, "?"));
            results.put(p + "rowsValid", group(Pattern.compile("\"rowsValid\"\\s*:\\s*(\\d+)"), view, "?"));
            results.put(p + "errorCount", group(Pattern.compile("\"errorCount\"\\s*:\\s*(\\d+)"), view, "?"));
            results.put(p + "created", group(Pattern.compile("\"created\"\\s*:\\s*(\\d+)"), view, "?"));
            results.put(p + "updated", group(Pattern.compile("\"updated\"\\s*:\\s*(\\d+)"), view, "?"));
            results.put(p + "unchanged", group(Pattern.compile("\"unchanged\"\\s*:\\s*(\\d+)"), view, "?"));
            results.put(p + "background", group(Pattern.compile("\"background\"\\s*:\\s*(true|false)"), view, "?"));
            results.put(p + "wallSeconds", String.format(Locale.ROOT, "%.1f", wall));
            results.put(p + "postSeconds", String.format(Locale.ROOT, "%.2f", (tPosted - t0) / 1e9));
            if (tWriting > 0) {
                results.put(p + "validateSeconds", String.format(Locale.ROOT, "%.1f", (tWriting - t0) / 1e9));
                results.put(p + "writeSeconds", String.format(Locale.ROOT, "%.1f", (t1 - tWriting) / 1e9));
            }
            String startedAt = group(Pattern.compile("\"startedAt\"\\s*:\\s*\"([^\"]+)\""), view, null);
            String finishedAt = group(Pattern.compile("\"finishedAt\"\\s*:\\s*\"([^\"]+)\""), view, null);
            if (startedAt != null && finishedAt != null) {
                results.put(p + "serverSeconds", String.format(Locale.ROOT, "%.1f",
                        Duration.between(Instant.parse(startedAt), Instant.parse(finishedAt)).toMillis() / 1e3));
            }
            results.put(p + "rowsPerSecond", String.format(Locale.ROOT, "%.0f",
                    Long.parseLong(results.get(p + "rowsRead").replace("?", "0")) / wall));
            results.put(p + "heap.baselineMB", mb(baseline));
            results.put(p + "heap.sampledPeakMB", mb(heap.max.get()));
            results.put(p + "heap.samples", Integer.toString(heap.samples.get()));
            if (opts.containsKey("gc-log")) {
                gcWindow(Path.of(opts.get("gc-log")), wallStart, wallEnd, p, results);
            }
            System.out.printf(Locale.ROOT, "[%s] import of %s (%s MB): %s in %.1f s (upload answered after %s s; validation %s s, writing %s s;"
                    + " server %s s) | rows read %s valid %s, created %s updated %s unchanged %s | heap: sampled peak %s MB, GC log peak %s MB"
                    + " before / %s MB after a collection, %s GCs (%s full)%n", label, name, results.get(p + "fileMB"),
                    results.get(p + "state"), wall, results.get(p + "postSeconds"), results.get(p + "validateSeconds"),
                    results.get(p + "writeSeconds"), results.get(p + "serverSeconds"), results.get(p + "rowsRead"),
                    results.get(p + "rowsValid"), results.get(p + "created"), results.get(p + "updated"),
                    results.get(p + "unchanged"), results.get(p + "heap.sampledPeakMB"), results.get(p + "gc.peakBeforeMB"),
                    results.get(p + "gc.peakAfterMB"), results.get(p + "gc.count"), results.get(p + "gc.full"));
            if (!"SUCCEEDED".equals(results.get(p + "state"))) {
                System.out.println("  import view: " + shorten(view, 800));
            }
        }
    }

    static String mb(long bytes) {
        return bytes <= 0 ? "-" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }

    /** Heap used, from the actuator, every interval (as operator). */
    static final class HeapSampler {
        final Api api;
        final int intervalMs;
        final AtomicLong max = new AtomicLong(-1);
        final AtomicInteger samples = new AtomicInteger();
        volatile boolean running = true;
        Thread thread;

        HeapSampler(Api api, int intervalMs) {
            this.api = api;
            this.intervalMs = intervalMs;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        Answer a = api.get("demo", "/actuator/metrics/jvm.memory.used?tag=area:heap");
                        if (a.status() == 200) {
                            long used = (long) Double.parseDouble(group(VALUE, a.body(), "-1"));
                            max.accumulateAndGet(used, Math::max);
                            samples.incrementAndGet();
                        }
                        Thread.sleep(intervalMs);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // the next sample
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(2_000);
        }
    }

    static final Pattern GC_LINE = Pattern.compile("^\\[([0-9T:.+-]+)\\].*GC\\(\\d+\\) (Pause [^(]*(?:\\([^)]*\\) )*)(\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");

    /** The collections of a JVM unified GC log ({@code -Xlog:gc:file=...:time}) that ended in the window. */
    static void gcWindow(Path log, Instant from, Instant to, String p, Map<String, String> results) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        int count = 0;
        int full = 0;
        long before = 0;
        long after = 0;
        long capacity = 0;
        double pauses = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = GC_LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            Instant at = OffsetDateTime.parse(m.group(1), time).toInstant();
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            count++;
            if (m.group(2).startsWith("Pause Full")) {
                full++;
            }
            before = Math.max(before, Long.parseLong(m.group(3)));
            after = Math.max(after, Long.parseLong(m.group(4)));
            capacity = Math.max(capacity, Long.parseLong(m.group(5)));
            pauses += Double.parseDouble(m.group(6));
        }
        results.put(p + "gc.count", Integer.toString(count));
        results.put(p + "gc.full", Integer.toString(full));
        results.put(p + "gc.peakBeforeMB", count == 0 ? "-" : Long.toString(before));
        results.put(p + "gc.peakAfterMB", count == 0 ? "-" : Long.toString(after));
        results.put(p + "gc.heapCapacityMB", count == 0 ? "-" : Long.toString(capacity));
        results.put(p + "gc.pauseSeconds", String.format(Locale.ROOT, "%.2f", pauses / 1000));
    }

    // ---------------------------------------------------------------------------------------------
    // draws

    /** One tender of the run. */
    static final class Tender {
        final int n;
        final String phase;
        final LocalDate date;
        final String halfDay;
        final String main;
        final String[] specialties;
        final String tenderer;
        final List<String> bidders;
        final String project;
        String id;
        String state;

        Tender(int n, String phase, LocalDate date, String halfDay, String main, String[] specialties, String tenderer,
                List<String> bidders, String project) {
            this.n = n;
            this.phase = phase;
            this.date = date;
            this.halfDay = halfDay;
            this.main = main;
            this.specialties = specialties;
            this.tenderer = tenderer;
            this.bidders = bidders;
            this.project = project;
        }

        String staff() {
            return "staff-" + main.toLowerCase(Locale.ROOT);
        }
    }

    /** One attempt at one job, timed by the client; status 200 for any 2xx (the engine REST API answers 204). */
    record Attempt(String jobId, String tenderId, long startNanos, long endNanos, int status, String error) {
    }


    static final class Draws extends Api {
        final Map<String, String> opts;
        final Map<String, String> results;
        final int warmupDraws;
        final int latencyDraws;
        final int perSlot;
        final int concurrent;
        final int rounds;
        final int workstations;
        final int declarations;
        final int attempts;
        final int daysAhead;
        final int threads;
        final long appPid;
        final long dbPid;
        final int clockTicks;
        final String runId;
        final Random random;
        final List<String> codes;
        final List<String> employers;
        final List<Tender> tenders = new ArrayList<>();
        List<String> centers;

        Draws(Map<String, String> opts, Map<String, String> results) throws IOException {
            super(opts);
            this.opts = opts;
            this.results = results;
            warmupDraws = Integer.parseInt(opts.getOrDefault("warmup-draws", "300"));
            latencyDraws = Integer.parseInt(opts.getOrDefault("latency-draws", "300"));
            perSlot = Integer.parseInt(opts.getOrDefault("per-slot", "25"));
            concurrent = Integer.parseInt(opts.getOrDefault("concurrent", "64"));
            rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
            workstations = Integer.parseInt(opts.getOrDefault("workstations", "50"));
            declarations = Integer.parseInt(opts.getOrDefault("declarations", "6"));
            attempts = Integer.parseInt(opts.getOrDefault("attempts", "3"));
            daysAhead = Integer.parseInt(opts.getOrDefault("days-ahead", "60"));
            threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
            appPid = Long.parseLong(opts.getOrDefault("app-pid", "0"));
            dbPid = Long.parseLong(opts.getOrDefault("db-pid", "0"));
            clockTicks = Integer.parseInt(opts.getOrDefault("clk-tck", "100"));
            runId = opts.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));
            random = new Random(Long.parseLong(opts.getOrDefault("seed", "7")));
            codes = Files.readAllLines(Path.of(opts.get("codes"))).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            employers = Files.readAllLines(Path.of(opts.get("employers"))).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        void run() throws Exception {
            centers = centers();
            System.out.printf(Locale.ROOT, "[%s] %s: %d centers x %d workstations; %d warm-up + %d measured single draws (%d per slot);"
                    + " %d rounds of %d concurrent draws; %d declarations per tender; run id %s%n", label, baseUrl, centers.size(),
                    workstations, warmupDraws, latencyDraws, perSlot, rounds, concurrent, declarations, runId);
            results.put("draws.workstationsPerCenter", Integer.toString(workstations));
            importDirectory();
            plan();
            long t = System.nanoTime();
            // The first tender of a slot alone: its registration creates the slot's lock row, which every
            // concurrent registration of that slot would wait for (see bench/README.md).
            Map<String, Tender> firstOfSlot = new LinkedHashMap<>();
            tenders.forEach(x -> firstOfSlot.putIfAbsent(x.date + " " + x.halfDay, x));
            for (Tender first : firstOfSlot.values()) {
                register(first);
            }
            parallel("register", tenders.stream().filter(x -> x.id == null).toList(), this::register);
            System.out.printf(Locale.ROOT, "  registered %d tenders in %.1f s%n", tenders.size(), (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            parallel("bidders", tenders, this::bidders);
            System.out.printf(Locale.ROOT, "  recorded 5 bidders for each in %.1f s%n", (System.nanoTime() - t) / 1e9);
            if (declarations > 0) {
                t = System.nanoTime();
                declare();
                System.out.printf(Locale.ROOT, "  declarations added in %.1f s: %s%n", (System.nanoTime() - t) / 1e9,
                        results.get("draws.declarations"));
            }
            Thread.sleep(3_000); // the bidders' events (re-check of seated experts: none yet) drain
            venueDraws();
            timers();
            Map<String, String> jobs = jobs("DrawExperts");
            List<Tender> ready = new ArrayList<>();
            for (Tender tender : tenders) {
                if (VENUES_FIXED.equals(tender.state) && jobs.containsKey(tender.id)) {
                    ready.add(tender);
                }
            }
            System.out.printf(Locale.ROOT, "  %d of %d tenders have their venues fixed and a pending DrawExperts job%n", ready.size(),
                    tenders.size());
            results.put("draws.readyForExpertDraw", Integer.toString(ready.size()));
            results.put("draws.venueFallbacks", Long.toString(tenders.stream().filter(x -> !VENUES_FIXED.equals(x.state)).count()));

            latency(ready.stream().filter(x -> x.phase.equals("warmup")).toList(), jobs, "warmup");
            latency(ready.stream().filter(x -> x.phase.equals("latency")).toList(), jobs, "latency");
            List<List<Attempt>> roundAttempts = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                String phase = "concurrent" + r;
                List<Attempt> done = concurrentRound(ready.stream().filter(x -> x.phase.equals(phase)).toList(), jobs, phase);
                roundAttempts.add(done);
                rates.add(Double.parseDouble(results.getOrDefault("draws." + phase + ".drawsPerSecond", "0")));
            }
            if (rounds > 0) {
                List<Attempt> all = new ArrayList<>();
                roundAttempts.forEach(all::addAll);
                List<Double> sorted = new ArrayList<>(rates);
                Collections.sort(sorted);
                String p = "draws.concurrent.";
                results.put(p + "rounds", Integer.toString(rounds));
                results.put(p + "drawsPerSecond", String.format(Locale.ROOT, "%.1f", sorted.get((sorted.size() - 1) / 2)));
                results.put(p + "drawsPerSecond.all", String.join(" ", rates.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList()));
                figures(p, all);
                System.out.printf(Locale.ROOT, "  [%s concurrent, %d rounds] draws/s median %s (%s) | client p50 %s p99 %s ms | draw() p50 %s p99 %s ms"
                        + " | executeJob p50 %s p99 %s ms%n", label, rounds, results.get(p + "drawsPerSecond"), results.get(p + "drawsPerSecond.all"),
                        results.get(p + "client.p50"), results.get(p + "client.p99"), results.get(p + "draw.p50"), results.get(p + "draw.p99"),
                        results.get(p + "job.p50"), results.get(p + "job.p99"));
            }

            // states afterwards, by phase
            states(tenders);
            Map<String, Map<String, Integer>> byPhase = new TreeMap<>();
            for (Tender tender : tenders) {
                byPhase.computeIfAbsent(phaseGroup(tender.phase), k -> new TreeMap<>()).merge(tender.state, 1, Integer::sum);
            }
            byPhase.forEach((phase, counts) -> {
                results.put("draws." + phase + ".states", counts.toString().replace(" ", "").replace("=", ":"));
                System.out.printf("  states after the run, %s: %s%n", phase, counts);
            });
            Answer chain = get("demo", "/api/draws/chain-verification");
            results.put("draws.chain.intact", group(INTACT, chain.body(), "?"));
            results.put("draws.chain.records", group(RECORDS, chain.body(), "?"));
            System.out.printf("  GET /api/draws/chain-verification: %d %s%n", chain.status(), shorten(chain.body(), 200));
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(opts.get("tenders-out")), StandardCharsets.UTF_8))) {
                for (Tender tender : tenders) {
                    out.println(tender.id + "," + tender.phase + "," + tender.date + "," + tender.halfDay + "," + tender.state);
                }
            }
        }

        static String phaseGroup(String phase) {
            return phase.startsWith("concurrent") ? "concurrent" : phase;
        }

        void importDirectory() throws Exception {
            for (String center : centers) {
                StringBuilder csv = new StringBuilder("工位编号,房间,支持跨省,音视频设备说明\n");
                for (int w = 1; w <= workstations; w++) {
                    csv.append(String.format(Locale.ROOT, "XBENCH-%02d,专家抽取基准测试评标室%d,%s,双屏 音视频终端%n", w, (w - 1) / 10 + 1,
                            w % 2 == 1 ? "是" : "否"));
                }
                String boundary = "----xbench" + System.nanoTime();
                String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"workstations.csv\"\r\n"
                        + "Content-Type: text/csv; charset=UTF-8\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
                require(send("POST", "/api/centers/" + center + "/workstations/import", "staff-" + center.toLowerCase(Locale.ROOT),
                        "multipart/form-data; boundary=" + boundary, body), 200, "workstation import for " + center);
            }
            System.out.printf(Locale.ROOT, "  directory: %d centers x %d workstations imported%n", centers.size(), workstations);
        }

        /** The tenders of every phase, each slot AM or PM of a date of its own. */
        void plan() {
            LocalDate first = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(daysAhead);
            int n = 0;
            int slot = 0;
            for (String phase : List.of("warmup", "latency")) {
                int count = phase.equals("warmup") ? warmupDraws : latencyDraws;
                for (int i = 0; i < count; i++) {
                    if (i > 0 && i % perSlot == 0) {
                        slot++;
                    }
                    tenders.add(tender(n++, phase, first.plusDays(slot / 2), slot % 2 == 0 ? "AM" : "PM", twoSpecialties()));
                }
                slot++;
            }
            slot += slot % 2; // the concurrent rounds on AM slots of days of their own
            for (int r = 1; r <= rounds; r++) {
                String[] pair = {codes.get((2 * r) % codes.size()), codes.get((2 * r + 1) % codes.size())};
                for (int i = 0; i < concurrent; i++) {
                    tenders.add(tender(n++, "concurrent" + r, first.plusDays(slot / 2), "AM", pair));
                }
                slot += 2;
            }
        }

        String[] twoSpecialties() {
            int a = random.nextInt(codes.size());
            int b = random.nextInt(codes.size() - 1);
            return new String[] {codes.get(a), codes.get(b >= a ? b + 1 : b)};
        }

        Tender tender(int n, String phase, LocalDate date, String halfDay, String[] specialties) {
            List<String> shuffled = new ArrayList<>(employers);
            Collections.shuffle(shuffled, random);
            return new Tender(n, phase, date, halfDay, centers.get(n % centers.size()), specialties, shuffled.get(0),
                    List.copyOf(shuffled.subList(1, 6)), "XB-" + runId + "-" + n);
        }

        void register(Tender t) throws Exception {
            String body = "{\"sectionCode\":\"XDRAW-" + runId + "-" + t.n + "\",\"name\":\"专家抽取基准测试标段\",\"mainCenter\":\""
                    + t.main + "\",\"category\":\"SERVICES\",\"estimatedPrice\":\"9000000.00\",\"evaluationDate\":\"" + t.date
                    + "\",\"halfDay\":\"" + t.halfDay + "\",\"committee\":{\"size\":" + COMMITTEE + ",\"tendererRepresentatives\":0,"
                    + "\"specialties\":[{\"code\":\"" + t.specialties[0] + "\",\"count\":4},{\"code\":\"" + t.specialties[1]
                    + "\",\"count\":3}]},\"regulationRequiresCrossProvince\":false,\"expertShortageAsserted\":false,\"tenderer\":\""
                    + t.tenderer + "\",\"projectCode\":\"" + t.project + "\"}";
            Answer answer = send("POST", "/api/tenders", t.staff(), "application/json", body);
            if (answer.status() != 201 || !"AWAITING_VENUE_DRAW".equals(group(STATE, answer.body(), ""))) {
                throw new IllegalStateException("registration: HTTP " + answer.status() + " " + shorten(answer.body(), 300));
            }
            t.id = group(ID, answer.body(), null);
        }

        void bidders(Tender t) throws Exception {
            StringBuilder body = new StringBuilder("{\"bidders\":[");
            for (int i = 0; i < t.bidders.size(); i++) {
                body.append(i == 0 ? "" : ",").append('"').append(t.bidders.get(i)).append('"');
            }
            body.append("]}");
            require(send("POST", "/api/tenders/" + t.id + "/bidders", t.staff(), "application/json", body.toString()), 200,
                    "POST bidders");
        }

        /**
         * For each tender, experts of its first specialty (a page of the pool, as the administrators' list shows it):
         * two declare a relation with the tenderer, one with the first bidder, two took part in the project, one is
         * on leave on the evaluation date. Up to --declarations per tender.
         */
        void declare() throws Exception {
            Map<String, List<String>> refsBySpecialty = new ConcurrentHashMap<>();
            Set<String> specialties = new TreeSet<>();
            tenders.forEach(t -> specialties.add(t.specialties[0]));
            parallel("expert pages", new ArrayList<>(specialties), code -> {
                Answer page = require(get("pool-admin", "/api/experts?specialty=" + code + "&status=ACTIVE&size=200"), 200, "GET experts");
                List<String> refs = new ArrayList<>();
                Matcher m = EXPERT_REF.matcher(page.body());
                while (m.find()) {
                    refs.add(m.group(1));
                }
                refsBySpecialty.put(code, refs);
            });
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            parallel("declarations", tenders, t -> {
                List<String> refs = new ArrayList<>(refsBySpecialty.getOrDefault(t.specialties[0], List.of()));
                Collections.shuffle(refs, new Random(t.n));
                for (int k = 0; k < Math.min(declarations, refs.size()); k++) {
                    String ref = refs.get(k);
                    String kind;
                    Answer a;
                    switch (k % 6) {
                        case 0, 1 -> {
                            kind = "relation";
                            a = send("POST", "/api/experts/" + ref + "/relations", "pool-admin", "application/json",
                                    "{\"organisation\":\"" + t.tenderer + "\",\"relation\":\"近三年曾在该单位任职\"}");
                        }
                        case 2 -> {
                            kind = "relation";
                            a = send("POST", "/api/experts/" + ref + "/relations", "pool-admin", "application/json",
                                    "{\"organisation\":\"" + t.bidders.get(0) + "\",\"relation\":\"近亲属在该单位任职\"}");
                        }
                        case 3, 4 -> {
                            kind = "participation";
                            a = send("POST", "/api/experts/" + ref + "/project-participations", "pool-admin", "application/json",
                                    "{\"projectCode\":\"" + t.project + "\",\"stage\":\"可行性研究\"}");
                        }
                        default -> {
                            kind = "leave";
                            a = send("POST", "/api/experts/" + ref + "/leaves", "pool-admin", "application/json",
                                    "{\"from\":\"" + t.date + "\",\"to\":\"" + t.date + "\",\"reason\":\"出差\"}");
                        }
                    }
                    outcomes.computeIfAbsent(kind + ":" + a.status(), x -> new AtomicInteger()).incrementAndGet();
                }
            });
            results.put("draws.declarations", new TreeMap<>(outcomes).toString().replace(" ", "").replace("=", ":"));
        }

        void venueDraws() throws Exception {
            Map<String, String> jobs = jobs("DrawVenues");
            long t = System.nanoTime();
            AtomicInteger failed = new AtomicInteger();
            parallel("venue draws", tenders, tender -> {
                String job = jobs.get(tender.id);
                for (int a = 0; job != null && a < attempts; a++) {
                    if (send("POST", Operator.executePath(job), "demo", "application/json", (String) null).status() / 100 == 2) {
                        return;
                    }
                    failed.incrementAndGet();
                }
            });
            states(tenders);
            Map<String, Integer> counts = new TreeMap<>();
            tenders.forEach(x -> counts.merge(x.state, 1, Integer::sum));
            System.out.printf(Locale.ROOT, "  venue draws in %.1f s (%d failed attempts): %s%n", (System.nanoTime() - t) / 1e9,
                    failed.get(), counts);
            results.put("draws.venueDrawStates", counts.toString().replace(" ", "").replace("=", ":"));
        }

        void timers() throws Exception {
            Map<String, String> jobs = jobs("AwaitExpertDraw");
            long t = System.nanoTime();
            AtomicInteger failed = new AtomicInteger();
            parallel("expert draw timers", tenders, tender -> {
                String job = jobs.get(tender.id);
                if (job != null && send("POST", Operator.executePath(job), "demo", "application/json", (String) null).status() / 100 != 2) {
                    failed.incrementAndGet();
                }
            });
            System.out.printf(Locale.ROOT, "  %d AwaitExpertDraw timers fired through executeJob in %.1f s (%d failed)%n", jobs.size(),
                    (System.nanoTime() - t) / 1e9, failed.get());
        }

        /** The pending jobs of a lifecycle activity through the engine REST API: tender id to job id. */
        Map<String, String> jobs(String activity) {
            return Operator.pendingJobs(operator, "tender-lifecycle", activity);
        }

        Attempt execute(String jobId, String tenderId) throws InterruptedException {
            long start = System.nanoTime();
            Answer answer;
            try {
                answer = send("POST", Operator.executePath(jobId), "demo", "application/json", (String) null);
            } catch (IOException e) {
                answer = new Answer(-1, "{\"message\":\"" + e.toString().replace("\"", "'") + "\"}");
            }
            long end = System.nanoTime();
            boolean ok = answer.status() / 100 == 2;
            return new Attempt(jobId, tenderId, start, end, ok ? 200 : answer.status(),
                    ok ? null : group(ERROR, answer.body(), answer.body()));
        }

        /** One drawer, one draw after the other, in slot order. */
        void latency(List<Tender> list, Map<String, String> jobs, String phase) throws Exception {
            if (list.isEmpty()) {
                return;
            }
            List<Attempt> done = new ArrayList<>();
            long statements0 = dbStatements();
            long[] cpu0 = cpu();
            Map<String, Double> timers0 = Operator.scrape(operator, "remote_eval_expert_draw");
            long t0 = System.nanoTime();
            for (Tender tender : list) {
                String job = jobs.get(tender.id);
                for (int a = 0; a < attempts; a++) {
                    Attempt attempt = execute(job, tender.id);
                    done.add(attempt);
                    if (attempt.status() == 200) {
                        break;
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] cpu1 = cpu();
            long statements1 = dbStatements();
            String p = "draws." + phase + ".";
            results.put(p + "drawsPerSecond", String.format(Locale.ROOT, "%.1f", list.size() / seconds));
            if (statements0 >= 0 && statements1 >= statements0) {
                results.put(p + "dbStatementsPerDraw", String.format(Locale.ROOT, "%.0f",
                        (statements1 - statements0) / (double) Math.max(1, done.size())));
            }
            cpuFigures(p, cpu0, cpu1, seconds);
            figures(p, done);
            serverTimers(p, timers0);
            System.out.printf(Locale.ROOT, "  [%s %s] %d draws one at a time in %.1f s | draw() ms p50 %s p90 %s p99 %s max %s | executeJob p50 %s"
                    + " p99 %s | client p50 %s p99 %s | failed attempts %s %s%n", label, phase, list.size(), seconds,
                    results.get(p + "draw.p50"), results.get(p + "draw.p90"), results.get(p + "draw.p99"), results.get(p + "draw.max"),
                    results.get(p + "job.p50"), results.get(p + "job.p99"), results.get(p + "client.p50"), results.get(p + "client.p99"),
                    results.get(p + "failedAttempts"), results.get(p + "errorKinds"));
            done.stream().filter(a -> a.status() != 200).limit(3)
                    .forEach(a -> System.out.println("      failed: HTTP " + a.status() + " " + shorten(a.error(), 400)));
        }

        /** All of a round's draws at once: one thread per tender, released together; failed attempts retried at once. */
        List<Attempt> concurrentRound(List<Tender> list, Map<String, String> jobs, String phase) throws Exception {
            List<Attempt> done = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch ready = new CountDownLatch(list.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> drawers = new ArrayList<>();
            for (Tender tender : list) {
                Thread thread = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        String job = jobs.get(tender.id);
                        for (int a = 0; a < attempts; a++) {
                            Attempt attempt = execute(job, tender.id);
                            done.add(attempt);
                            if (attempt.status() == 200) {
                                break;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "drawer-" + tender.n);
                drawers.add(thread);
                thread.start();
            }
            ready.await();
            long[] cpu0 = cpu();
            Map<String, Double> timers0 = Operator.scrape(operator, "remote_eval_expert_draw");
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread thread : drawers) {
                thread.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] cpu1 = cpu();
            String p = "draws." + phase + ".";
            long first = done.stream().mapToLong(Attempt::startNanos).min().orElse(t0);
            long last = done.stream().mapToLong(Attempt::endNanos).max().orElse(t0);
            long succeeded = done.stream().filter(a -> a.status() == 200).map(Attempt::jobId).distinct().count();
            double wall = (last - first) / 1e9;
            results.put(p + "tenders", Integer.toString(list.size()));
            results.put(p + "slot", list.isEmpty() ? "-" : list.get(0).date + " " + list.get(0).halfDay);
            results.put(p + "specialties", list.isEmpty() ? "-" : list.get(0).specialties[0] + "+" + list.get(0).specialties[1]);
            results.put(p + "succeeded", Long.toString(succeeded));
            results.put(p + "wallSeconds", String.format(Locale.ROOT, "%.2f", wall));
            results.put(p + "drawsPerSecond", String.format(Locale.ROOT, "%.1f", succeeded / wall));
            cpuFigures(p, cpu0, cpu1, seconds);
            figures(p, done);
            serverTimers(p, timers0);
            System.out.printf(Locale.ROOT, "  [%s %s] %d concurrent draws for %s in %.2f s = %.1f draws/s | client ms p50 %s p99 %s max %s"
                    + " | draw() p50 %s p99 %s | executeJob p50 %s p99 %s | failed attempts %s %s%n", label, phase, succeeded,
                    results.get(p + "slot"), wall, succeeded / wall, results.get(p + "client.p50"), results.get(p + "client.p99"),
                    results.get(p + "client.max"), results.get(p + "draw.p50"), results.get(p + "draw.p99"), results.get(p + "job.p50"),
                    results.get(p + "job.p99"), results.get(p + "failedAttempts"), results.get(p + "errorKinds"));
            done.stream().filter(a -> a.status() != 200).limit(3)
                    .forEach(a -> System.out.println("      failed: HTTP " + a.status() + " " + shorten(a.error(), 400)));
            return new ArrayList<>(done);
        }

        /** Percentiles: client per draw (first attempt's start to last attempt's end), executeJob and draw() per successful attempt. */
        void figures(String p, List<Attempt> done) {
            Map<String, long[]> perDraw = new LinkedHashMap<>();
            for (Attempt a : done) {
                perDraw.merge(a.jobId(), new long[] {a.startNanos(), a.endNanos()},
                        (x, y) -> new long[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
            }
            List<Attempt> ok = done.stream().filter(a -> a.status() == 200).toList();
            List<Attempt> failed = done.stream().filter(a -> a.status() != 200).toList();
            percentiles(p + "client.", perDraw.values().stream().mapToLong(x -> (x[1] - x[0]) / 1_000).sorted().toArray());
            results.put(p + "attempts", Integer.toString(done.size()));
            results.put(p + "failedAttempts", Integer.toString(failed.size()));
            results.put(p + "failedDraws", Long.toString(perDraw.size() - ok.stream().map(Attempt::jobId).distinct().count()));
            Map<String, Integer> kinds = new TreeMap<>();
            failed.forEach(a -> kinds.merge(kind(a), 1, Integer::sum));
            results.put(p + "errorKinds", kinds.toString().replace(" ", "").replace("=", ":"));
        }

        /**
         * The server's timers between {@code before} and now (from {@code /actuator/prometheus}): draw() of the
         * committee draws ({@code remote_eval.expert_draw}, kind committee) and, inside it, the candidates and their
         * screening ({@code remote_eval.expert_draw.screening}). Percentiles are histogram bucket bounds.
         */
        void serverTimers(String p, Map<String, Double> before) {
            Map<String, Double> after = Operator.scrape(operator, "remote_eval_expert_draw");
            Operator.timerBetween(before, after, DRAW_TIMER, "kind=\"committee\"").forEach((k, v) -> results.put(p + "draw." + k, v));
            Operator.timerBetween(before, after, SCREENING_TIMER, "").forEach((k, v) -> results.put(p + "screening." + k, v));
            System.out.printf(Locale.ROOT, "    [%s %s] server: draw() mean %s p50 %s p99 %s ms; screening mean %s p99 %s ms%n", label,
                    p.replace("draws.", "").replace(".", ""), results.get(p + "draw.mean"), results.get(p + "draw.p50"),
                    results.get(p + "draw.p99"), results.get(p + "screening.mean"), results.get(p + "screening.p99"));
        }

        /** The database server's statement counter, through --db-statements-command; -1 without one. */
        long dbStatements() {
            String command = opts.get("db-statements-command");
            if (command == null || command.isBlank()) {
                return -1;
            }
            try {
                Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                process.waitFor();
                return Long.parseLong(output.replaceAll(".*\\s", ""));
            } catch (IOException | RuntimeException | InterruptedException e) {
                return -1;
            }
        }

        void percentiles(String prefix, long[] sorted) {
            results.put(prefix + "count", Integer.toString(sorted.length));
            if (sorted.length == 0) {
                return;
            }
            for (int q : new int[] {50, 90, 95, 99}) {
                results.put(prefix + "p" + q, ms(percentile(sorted, q)));
            }
            results.put(prefix + "max", ms(sorted[sorted.length - 1]));
            results.put(prefix + "mean", ms((long) Arrays.stream(sorted).average().orElse(0)));
        }

        void cpuFigures(String p, long[] cpu0, long[] cpu1, double seconds) {
            if (cpu0 == null || cpu1 == null || seconds <= 0) {
                return;
            }
            results.put(p + "appCpu", String.format(Locale.ROOT, "%.2f", (cpu1[0] - cpu0[0]) / (double) clockTicks / seconds));
            if (dbPid > 0) {
                results.put(p + "dbCpu", String.format(Locale.ROOT, "%.2f", (cpu1[1] - cpu0[1]) / (double) clockTicks / seconds));
            }
            if (cpu1[2] > cpu0[2]) {
                results.put(p + "machineBusy", String.format(Locale.ROOT, "%.0f", 100.0 * (cpu1[3] - cpu0[3]) / (cpu1[2] - cpu0[2])));
            }
        }

        /** [app ticks, db ticks, machine total ticks, machine busy ticks], or null when not on Linux. */
        long[] cpu() {
            try {
                String[] stat = Files.readString(Path.of("/proc/stat")).lines().filter(l -> l.startsWith("cpu ")).findFirst()
                        .orElseThrow().trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < stat.length; i++) {
                    total += Long.parseLong(stat[i]);
                }
                long busy = total - Long.parseLong(stat[4]) - Long.parseLong(stat[5]);
                return new long[] {processTicks(appPid), processTicks(dbPid), total, busy};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        static long processTicks(long pid) throws IOException {
            if (pid <= 0) {
                return 0;
            }
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        void states(List<Tender> list) throws Exception {
            parallel("states", list, t -> {
                Answer answer = get("demo", "/api/tenders/" + t.id);
                t.state = answer.status() == 200 ? group(STATE, answer.body(), "?") : "HTTP" + answer.status();
            });
        }

        interface Task<T> {
            void run(T item) throws Exception;
        }

        <T> void parallel(String what, List<T> items, Task<T> task) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    task.run(item);
                    return null;
                }));
            }
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static String kind(Attempt a) {
        if (a.error() == null) {
            return "HTTP" + a.status();
        }
        String[] chain = a.error().split(" <- ");
        String inner = chain[chain.length - 1];
        int colon = inner.indexOf(':');
        String cls = colon > 0 ? inner.substring(0, colon) : inner;
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        if (a.error().contains("Timeout trying to lock table") || a.error().contains("HYT00")) {
            return cls + "(lock timeout)";
        }
        if (a.error().toLowerCase(Locale.ROOT).contains("deadlock")) {
            return cls + "(deadlock)";
        }
        return cls;
    }

    // ---------------------------------------------------------------------------------------------
    // verify

    static void verify(Map<String, String> opts, Map<String, String> results) throws Exception {
        Map<String, String[]> tenders = new LinkedHashMap<>();
        Path tendersFile = opts.containsKey("tenders") ? Path.of(opts.get("tenders")) : null;
        for (String line : tendersFile != null && Files.exists(tendersFile) ? Files.readAllLines(tendersFile) : List.<String>of()) {
            String[] f = line.split(",");
            if (f.length >= 4 && !f[0].equals("null")) {
                tenders.put(f[0], f);
            }
        }
        try (Connection db = DriverManager.getConnection(opts.get("jdbc-url"), opts.getOrDefault("db-user", "sa"),
                opts.getOrDefault("db-password", ""))) {
            String p = "verify.";
            // the pool
            results.put(p + "experts", Long.toString(count(db, "SELECT COUNT(*) FROM expert")));
            results.put(p + "expertSpecialties", Long.toString(count(db, "SELECT COUNT(DISTINCT specialty_code) FROM expert")));
            results.put(p + "expertCities", Long.toString(count(db, "SELECT COUNT(DISTINCT city) FROM expert")));
            results.put(p + "expertHistory", Long.toString(count(db, "SELECT COUNT(*) FROM expert_history")));
            results.put(p + "groupMin", Long.toString(count(db,
                    "SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM expert GROUP BY specialty_code, city) g")));
            results.put(p + "groupMax", Long.toString(count(db,
                    "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM expert GROUP BY specialty_code, city) g")));

            // the issue's query: no expert holds two seats in one half-day
            List<String> doubles = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT expert_ref, busy_slot, COUNT(*) FROM committee_seat "
                    + "WHERE busy_slot IS NOT NULL GROUP BY expert_ref, busy_slot HAVING COUNT(*) > 1");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    doubles.add(rs.getString(1) + "@" + rs.getString(2) + "x" + rs.getInt(3));
                }
            }
            results.put(p + "doubleBookings", Integer.toString(doubles.size()));
            doubles.stream().limit(5).forEach(d -> System.out.println("  DOUBLE BOOKING: " + d));
            results.put(p + "seatsHeld", Long.toString(count(db, "SELECT COUNT(*) FROM committee_seat WHERE busy_slot IS NOT NULL")));

            // each drawn tender holds exactly its seats; others none
            Map<String, String> state = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT id, state FROM tender"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    state.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, Integer> held = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT tender_id, COUNT(*) FROM committee_seat WHERE busy_slot IS NOT NULL "
                    + "GROUP BY tender_id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), rs.getInt(2));
                }
            }
            Map<String, Integer> records = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT tender_id, COUNT(*) FROM draw_record WHERE kind = 'EXPERT' "
                    + "GROUP BY tender_id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.put(rs.getString(1), rs.getInt(2));
                }
            }
            Map<String, int[]> byPhase = new TreeMap<>(); // drawn, wrongSeats, shortage, seatedButNotDrawn, notOneRecord
            for (String[] t : tenders.values()) {
                String phase = t[1].startsWith("concurrent") ? "concurrent" : t[1];
                int[] c = byPhase.computeIfAbsent(phase, k -> new int[5]);
                String st = state.get(t[0]);
                int seats = held.getOrDefault(t[0], 0);
                if (ExpertDrawLoad.DRAWN.equals(st)) {
                    c[0]++;
                    if (seats != COMMITTEE) {
                        c[1]++;
                    }
                    if (records.getOrDefault(t[0], 0) != 1) {
                        c[4]++;
                    }
                } else {
                    if (SHORTAGE.equals(st)) {
                        c[2]++;
                    }
                    if (seats > 0) {
                        c[3]++;
                    }
                }
            }
            byPhase.forEach((phase, c) -> {
                results.put(p + phase + ".drawn", Integer.toString(c[0]));
                results.put(p + phase + ".drawnWithoutExactSeats", Integer.toString(c[1]));
                results.put(p + phase + ".shortage", Integer.toString(c[2]));
                results.put(p + phase + ".seatedButNotDrawn", Integer.toString(c[3]));
                results.put(p + phase + ".drawnWithoutOneRecord", Integer.toString(c[4]));
            });

            // seats against the exclusions and the composition
            String held0 = "FROM committee_seat s JOIN tender t ON t.id = s.tender_id JOIN expert e ON e.expert_ref = s.expert_ref "
                    + "WHERE s.busy_slot IS NOT NULL";
            results.put(p + "seats.employedByTenderer", Long.toString(count(db, "SELECT COUNT(*) " + held0 + " AND e.employer = t.tenderer")));
            results.put(p + "seats.employedByBidder", Long.toString(count(db, "SELECT COUNT(*) " + held0
                    + " AND EXISTS (SELECT 1 FROM tender_bidder b WHERE b.tender_id = s.tender_id AND b.name = e.employer)")));
            results.put(p + "seats.declaredRelation", Long.toString(count(db, "SELECT COUNT(*) " + held0
                    + " AND EXISTS (SELECT 1 FROM expert_relation r WHERE r.expert_ref = s.expert_ref AND (r.organisation = t.tenderer "
                    + "OR r.organisation IN (SELECT b.name FROM tender_bidder b WHERE b.tender_id = s.tender_id)))")));
            results.put(p + "seats.earlierStage", Long.toString(count(db, "SELECT COUNT(*) " + held0
                    + " AND EXISTS (SELECT 1 FROM expert_project_participation x WHERE x.expert_ref = s.expert_ref AND x.project_code = t.project_code)")));
            results.put(p + "seats.onLeave", Long.toString(count(db, "SELECT COUNT(*) " + held0
                    + " AND EXISTS (SELECT 1 FROM expert_leave l WHERE l.expert_ref = s.expert_ref AND l.from_date <= s.eval_date AND l.to_date >= s.eval_date)")));
            results.put(p + "seats.notActive", Long.toString(count(db, "SELECT COUNT(*) " + held0 + " AND e.status <> 'ACTIVE'")));
            results.put(p + "seats.wrongSpecialty", Long.toString(count(db, "SELECT COUNT(*) " + held0 + " AND e.specialty_code <> s.specialty_code")));
            // A seat's center and expert city are sealed in the table: compared here after opening them.
            Sealed sealed = new Sealed(opts.get("sealing-key"));
            long cityNotCenter = 0;
            Map<String, Integer> mainCitySeats = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT s.tender_id, s.center_code, s.expert_city, e.city, t.main_center "
                    + held0); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String center = sealed.open(rs.getString(2));
                    String expertCity = sealed.open(rs.getString(3));
                    if (!rs.getString(4).equals(center)) {
                        cityNotCenter++;
                    }
                    if (expertCity.equals(rs.getString(5))) {
                        mainCitySeats.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
            }
            results.put(p + "seats.cityNotCenter", Long.toString(cityNotCenter));
            results.put(p + "tenders.mainCityOverCap",
                    Long.toString(mainCitySeats.values().stream().filter(n -> n > COMMITTEE / 3).count()));
            results.put(p + "tenders.specialtyCountsWrong", Long.toString(count(db, "SELECT COUNT(*) FROM (SELECT s.tender_id, s.specialty_code "
                    + "FROM committee_seat s JOIN tender_specialty ts ON ts.tender_id = s.tender_id AND ts.code = s.specialty_code "
                    + "WHERE s.busy_slot IS NOT NULL GROUP BY s.tender_id, s.specialty_code, ts.expert_count HAVING COUNT(*) <> ts.expert_count) x")));
            Map<String, Long> rules = new TreeMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT rule, COUNT(*) FROM expert_draw_exclusion GROUP BY rule");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rules.put(rs.getString(1), rs.getLong(2));
                }
            }
            long expertDraws = count(db, "SELECT COUNT(*) FROM draw_record WHERE kind = 'EXPERT'");
            results.put(p + "expertDrawRecords", Long.toString(expertDraws));
            results.put(p + "exclusionsByRule", rules.toString().replace(" ", "").replace("=", ":"));
            results.put(p + "exclusionsPerDraw", String.format(Locale.ROOT, "%.1f",
                    rules.values().stream().mapToLong(Long::longValue).sum() / (double) Math.max(1, expertDraws)));
            long lines = 0;
            try (PreparedStatement s = db.prepareStatement("SELECT eligible_list FROM draw_record WHERE kind = 'EXPERT'");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines += sealed.open(rs.getString(1)).lines().filter(l -> !l.isBlank()).count();
                }
            }
            results.put(p + "eligiblePerDraw", String.format(Locale.ROOT, "%.0f", lines / (double) Math.max(1, expertDraws)));
            results.put(p + "smsQueued", Long.toString(count(db, "SELECT COUNT(*) FROM sms_outbox")));
        }
        results.forEach((k, v) -> System.out.println("  " + k + " = " + v));
    }

    /** Opens the draw module's sealed columns (AES-256-GCM, "v1:" + base64(nonce ‖ ciphertext ‖ tag)) with the run's key. */
    static final class Sealed {
        private final javax.crypto.spec.SecretKeySpec key;

        Sealed(String base64Key) {
            if (base64Key == null || base64Key.isBlank()) {
                throw new IllegalArgumentException("--sealing-key (the run's personal-data encryption key) is required");
            }
            this.key = new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES");
        }

        String open(String stored) throws SQLException {
            try {
                byte[] sealed = Base64.getDecoder().decode(stored.substring("v1:".length()));
                javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(javax.crypto.Cipher.DECRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, sealed, 0, 12));
                return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
            } catch (java.security.GeneralSecurityException | RuntimeException e) {
                throw new SQLException("a sealed column could not be opened with the run's key: " + e.getClass().getSimpleName());
            }
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    static Answer require(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + shorten(answer.body(), 500));
        }
        return answer;
    }

    static String group(Pattern pattern, String text, String otherwise) {
        if (text == null) {
            return otherwise;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String key = arg.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                opts.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length) {
                opts.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        return opts;
    }
}
