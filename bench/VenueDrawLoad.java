import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * Driver of the venue draw benchmark ({@code bench/run-venue-draw.sh}). Single file, JDK only (the
 * {@code verify} mode loads the JDBC driver given on the class path).
 *
 * <pre>
 * java bench/VenueDrawLoad.java load --base-url http://127.0.0.1:18080 [--variants 200x5,50x5] [--warmup 200x5] [--warmup-seconds 60]
 *      [--drawers 32] [--workstations 20] [--main-centers all|HRB,QQHR] [--days-ahead 60] [--attempts 3]
 *      [--register-threads 8] [--app-pid PID] [--db-pid PID] [--dump-dir DIR] [--dumps 10] [--label H2] [--out FILE]
 *      [--db-statements-command "shell command printing the server's statement counter"]
 * java -cp h2.jar:mysql-connector-j.jar bench/VenueDrawLoad.java verify --jdbc-url URL --db-user U --db-password P
 *      --in load.properties [--out FILE]
 * </pre>
 *
 * <p><b>load</b> imports a directory of {@code --workstations} workstations in each center through
 * {@code POST /api/centers/{code}/workstations/import} (as the center's staff), then runs each round:
 * warm-up rounds ({@code --warmup}, each on a slot of its own, repeated until {@code --warmup-seconds}
 * have passed; the first, on a cold JVM, is reported apart) and then the measured variants.
 * A variant {@code NxC} registers N tenders (SERVICES, 9,000,000.00: intra-province, in the rollout)
 * for one slot of its own (evaluation date today + {@code --days-ahead} + round number, AM), committee
 * size C, main centers taken in turn from {@code --main-centers}. The lifecycle of each tender then
 * waits at its asynchronous {@code DrawVenues} job (the application runs with the job executor off).
 * Then {@code --drawers} threads execute those jobs, one at a time each, as the operator through the
 * engine REST API ({@code POST /engine-rest/job/{id}/execute}, listed with {@code GET /engine-rest/job}:
 * see {@code Operator}). A failed execution is put back in the queue until it has had {@code --attempts}
 * attempts. Figures: draws per second = N / (end of the last draw - start of the first), client latency
 * percentiles (nearest rank), the server's {@code remote_eval.venue_draw} timer between the round's start
 * and end (from {@code /actuator/prometheus}), and each tender's state afterwards ({@code GET /api/tenders/{id}}).
 * During the first measured variant's draws it samples the application's threads over JMX every
 * 500 ms (at most {@code --dumps} samples, jcmd-like text in {@code --dump-dir}/sample-N.txt), and it reads
 * CPU from /proc.
 *
 * <p><b>verify</b> runs after the application has stopped and counts from the tables: double
 * bookings, seats per slot, seats and spread of every drawn tender, the draw records, and whether
 * each record's free-seat snapshot equals the capacity minus the seats of the draws before it
 * (i.e. the slot lock serialised the draws) and each fallback was justified by its snapshot.
 */
public class VenueDrawLoad {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z0-9_-]+)\"");
    static final Pattern ERROR = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final String TIMER = "remote_eval_venue_draw_seconds";
    static final Pattern INTACT = Pattern.compile("\"intact\"\\s*:\\s*(true|false)");
    static final Pattern RECORDS = Pattern.compile("\"records\"\\s*:\\s*(\\d+)");

    static final String DRAWN = "AWAITING_EXPERT_DRAW";
    static final String FALLBACK = "AWAITING_NEGOTIATION_APPROVAL";

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.println("usage: java bench/VenueDrawLoad.java load --base-url URL [options] | verify --jdbc-url URL --in FILE [options]"
                    + " (see the class comment)");
            return;
        }
        Map<String, String> opts = parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "load" -> new Load(opts).run();
            case "verify" -> verify(opts);
            default -> throw new IllegalArgumentException("mode must be load or verify, not " + args[0]);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // load

    record Variant(String key, int tenders, int committee) {
        static Variant parse(String spec) {
            String[] parts = spec.strip().split("x");
            return new Variant(spec.strip(), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    record Answer(int status, String body) {
    }

    /** What one round left for the aggregate of its variant. */
    record Round(List<Attempt> done, Map<String, String> stateOf, double wall, long succeeded, long failedDraws,
            double appCpu, double dbCpu, double machineBusy, double statementsPerAttempt) {
    }

    /** One attempt at one draw job. */
    record Attempt(String jobId, String tenderId, long startNanos, long endNanos, int status, long serverMicros,
            String error) {
    }

    static final class Load {
        final String baseUrl;
        final int drawers;
        final int workstations;
        final int daysAhead;
        final int attempts;
        final int registerThreads;
        final String label;
        final String out;
        final List<Variant> variants = new ArrayList<>();
        final Variant warmup;
        final int warmupSeconds;
        final int repeat;
        final String statementsCommand;
        final String mainCentersOption;
        final long appPid;
        final long dbPid;
        final int clockTicks;
        final Path dumpDir;
        final int dumps;
        final String runId;
        final Operator.Http operator;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final Map<String, String> results = new LinkedHashMap<>();
        List<String> centers;

        Load(Map<String, String> opts) {
            baseUrl = opts.getOrDefault("base-url", "http://127.0.0.1:8080");
            operator = Operator.demo(baseUrl);
            drawers = Integer.parseInt(opts.getOrDefault("drawers", "32"));
            workstations = Integer.parseInt(opts.getOrDefault("workstations", "20"));
            daysAhead = Integer.parseInt(opts.getOrDefault("days-ahead", "60"));
            attempts = Integer.parseInt(opts.getOrDefault("attempts", "3"));
            registerThreads = Integer.parseInt(opts.getOrDefault("register-threads", "8"));
            label = opts.getOrDefault("label", "app");
            out = opts.get("out");
            for (String spec : opts.getOrDefault("variants", "200x5").split(",")) {
                variants.add(Variant.parse(spec));
            }
            String warm = opts.getOrDefault("warmup", "200x5");
            warmup = warm.equals("0") || warm.isBlank() ? null : new Variant("warmup", Variant.parse(warm).tenders(),
                    Variant.parse(warm).committee());
            warmupSeconds = Integer.parseInt(opts.getOrDefault("warmup-seconds", "240"));
            repeat = Integer.parseInt(opts.getOrDefault("repeat", "5"));
            statementsCommand = opts.get("db-statements-command");
            mainCentersOption = opts.getOrDefault("main-centers", "all");
            appPid = Long.parseLong(opts.getOrDefault("app-pid", "0"));
            dbPid = Long.parseLong(opts.getOrDefault("db-pid", "0"));
            clockTicks = Integer.parseInt(opts.getOrDefault("clk-tck", "100"));
            dumpDir = opts.containsKey("dump-dir") ? Path.of(opts.get("dump-dir")) : null;
            dumps = Integer.parseInt(opts.getOrDefault("dumps", "10"));
            runId = opts.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));
        }

        void run() throws Exception {
            System.out.printf(Locale.ROOT, "[%s] %s: %d drawers, %d workstations per center, variants %s, warm-up %s, run id %s%n",
                    label, baseUrl, drawers, workstations, variants.stream().map(Variant::key).toList(),
                    warmup == null ? "none" : warmup.tenders() + "x" + warmup.committee(), runId);
            centers = new ArrayList<>();
            Matcher codes = CODE.matcher(require(get("demo", "/api/centers"), 200, "GET /api/centers").body());
            while (codes.find()) {
                centers.add(codes.group(1));
            }
            try {
                importDirectory();
                rounds();
            } finally {
                if (out != null) {
                    try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8))) {
                        results.forEach((k, v) -> writer.println(k + "=" + v));
                    }
                }
            }
        }

        void rounds() throws Exception {
            results.put("centers", Integer.toString(centers.size()));
            results.put("workstationsPerCenter", Integer.toString(workstations));
            results.put("drawers", Integer.toString(drawers));
            results.put("mainCenters", mainCentersOption);

            // Each round has a slot of its own. Warm-up rounds (the first is "warmup", then "warmup2", ...)
            // repeat until --warmup-seconds have passed: on 2 cores the JIT is still compiling after one.
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            int slot = 0;
            if (warmup != null) {
                long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
                int n = 0;
                do {
                    n++;
                    round(new Variant(n == 1 ? "warmup" : "warmup" + n, warmup.tenders(), warmup.committee()),
                            today.plusDays(daysAhead + slot++), false);
                } while (System.nanoTime() < until);
                results.put("warmupRounds", Integer.toString(n));
            }
            for (Variant variant : variants) {
                List<Round> rounds = new ArrayList<>();
                for (int r = 1; r <= repeat; r++) {
                    rounds.add(round(new Variant(repeat == 1 ? variant.key() : variant.key() + "#" + r, variant.tenders(),
                            variant.committee()), today.plusDays(daysAhead + slot++), false));
                }
                if (repeat > 1) {
                    aggregate(variant, rounds);
                }
            }
            if (dumpDir != null && dumps > 0) {
                // Sampling the threads slows the draws down, so it has a round of its own after the measured ones.
                Variant first = variants.get(0);
                round(new Variant("sampled", first.tenders(), first.committee()), today.plusDays(daysAhead + slot++), true);
            }
            Answer chain = get("demo", "/api/draws/chain-verification");
            results.put("chain.status", Integer.toString(chain.status()));
            results.put("chain.intact", group(INTACT, chain.body(), "?"));
            results.put("chain.records", group(RECORDS, chain.body(), "?"));
            System.out.printf("  [%s] GET /api/draws/chain-verification: %d %s%n", label, chain.status(), chain.body());
        }

        void importDirectory() throws Exception {
            int created = 0;
            int updated = 0;
            for (String center : centers) {
                StringBuilder csv = new StringBuilder("工位编号,房间,支持跨省,音视频设备说明\n");
                for (int w = 1; w <= workstations; w++) {
                    // Half of them cross-province capable; the draw of an intra-province tender uses any.
                    csv.append(String.format(Locale.ROOT, "BENCH-%02d,基准测试评标室%d,%s,双屏 音视频终端%n", w, (w - 1) / 10 + 1,
                            w % 2 == 1 ? "是" : "否"));
                }
                String boundary = "----bench" + System.nanoTime();
                String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"workstations.csv\"\r\n"
                        + "Content-Type: text/csv; charset=UTF-8\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
                String user = "staff-" + center.toLowerCase(Locale.ROOT);
                Answer answer = send("POST", "/api/centers/" + center + "/workstations/import", user,
                        "multipart/form-data; boundary=" + boundary, body);
                require(answer, 200, "import for " + center);
                created += Integer.parseInt(group(Pattern.compile("\"created\"\\s*:\\s*(\\d+)"), answer.body(), "0"));
                updated += Integer.parseInt(group(Pattern.compile("\"updated\"\\s*:\\s*(\\d+)"), answer.body(), "0"));
            }
            System.out.printf(Locale.ROOT, "  directory: %d centers x %d workstations imported (%d created, %d updated)%n",
                    centers.size(), workstations, created, updated);
        }

        List<String> mainCenters() {
            return mainCentersOption.equals("all") ? centers : Arrays.asList(mainCentersOption.split(","));
        }

        Round round(Variant variant, LocalDate date, boolean sample) throws Exception {
            String p = variant.key() + ".";
            String slot = date + " AM";
            System.out.printf(Locale.ROOT, "  [%s] round %s: %d tenders, committee %d, slot %s%n", label, variant.key(),
                    variant.tenders(), variant.committee(), slot);
            results.put(p + "date", date.toString());
            results.put(p + "halfDay", "AM");
            results.put(p + "tenders", Integer.toString(variant.tenders()));
            results.put(p + "committee", Integer.toString(variant.committee()));

            // 1. register
            long t0 = System.nanoTime();
            List<String> ids = register(variant, date);
            double registerSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "    registered %d tenders in %.1f s%n", ids.size(), registerSeconds);
            results.put(p + "registerSeconds", String.format(Locale.ROOT, "%.1f", registerSeconds));
            Thread.sleep(3_000); // let the registrations' asynchronous audit events drain

            // 2. the pending draw jobs of these tenders
            Map<String, String> jobOfTender = Operator.pendingJobs(operator, "tender-lifecycle", "DrawVenues");
            List<String[]> queue = new ArrayList<>();
            for (String id : ids) {
                String job = jobOfTender.get(id);
                if (job == null) {
                    throw new IllegalStateException("tender " + id + " has no pending DrawVenues job (is the job executor off?)");
                }
                queue.add(new String[] {job, id});
            }

            // 3. draw
            ConcurrentLinkedQueue<String[]> todo = new ConcurrentLinkedQueue<>(queue);
            Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
            List<Attempt> done = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger outstanding = new AtomicInteger(queue.size());
            CountDownLatch ready = new CountDownLatch(drawers);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < drawers; t++) {
                Thread thread = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        while (outstanding.get() > 0) {
                            String[] job = todo.poll();
                            if (job == null) {
                                Thread.sleep(5); // a failed job may still come back
                                continue;
                            }
                            long start = System.nanoTime();
                            Answer answer;
                            try {
                                answer = send("POST", Operator.executePath(job[0]), "demo", "application/json", null);
                            } catch (IOException e) {
                                answer = new Answer(-1, "{\"message\":\"" + e.toString().replace("\"", "'") + "\"}");
                            }
                            long end = System.nanoTime();
                            String error = ok(answer) ? null : group(ERROR, answer.body(), answer.body());
                            done.add(new Attempt(job[0], job[1], start, end, ok(answer) ? 200 : answer.status(), -1, error));
                            int tried = tries.computeIfAbsent(job[0], k -> new AtomicInteger()).incrementAndGet();
                            if (!ok(answer) && tried < attempts) {
                                todo.add(job);
                            } else {
                                outstanding.decrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "drawer-" + t);
                threads.add(thread);
                thread.start();
            }
            ready.await();
            Sampler sampler = sample ? new Sampler(appPid, dumpDir, dumps) : null;
            long statements0 = dbStatements();
            long[] cpu0 = cpu();
            Map<String, Long> threads0 = threadTicks(appPid);
            Map<String, Double> timer0 = Operator.scrape(operator, TIMER);
            long drawStart = System.nanoTime();
            go.countDown();
            if (sampler != null) {
                sampler.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long drawEnd = System.nanoTime();
            Operator.timerBetween(timer0, Operator.scrape(operator, TIMER), TIMER, "")
                    .forEach((k, v) -> results.put(p + "server." + k, v));
            long[] cpu1 = cpu();
            Map<String, Long> threads1 = threadTicks(appPid);
            long statements1 = dbStatements();
            if (sampler != null) {
                sampler.stop();
                results.put(p + "threadSamples", Integer.toString(sampler.taken));
            }

            // 4. figures
            long first = done.stream().mapToLong(Attempt::startNanos).min().orElse(drawStart);
            long last = done.stream().mapToLong(Attempt::endNanos).max().orElse(drawEnd);
            double wall = (last - first) / 1e9;
            List<Attempt> ok = done.stream().filter(a -> a.status() == 200).toList();
            List<Attempt> failed = done.stream().filter(a -> a.status() != 200).toList();
            long succeededJobs = ok.stream().map(Attempt::jobId).distinct().count();
            results.put(p + "attempts", Integer.toString(done.size()));
            results.put(p + "failedAttempts", Integer.toString(failed.size()));
            results.put(p + "failedDraws", Long.toString(queue.size() - succeededJobs));
            results.put(p + "wallSeconds", String.format(Locale.ROOT, "%.2f", wall));
            results.put(p + "drawsPerSecond", String.format(Locale.ROOT, "%.1f", succeededJobs / wall));
            double seconds = (drawEnd - drawStart) / 1e9;
            if (cpu0 != null && cpu1 != null) {
                results.put(p + "appCpu", String.format(Locale.ROOT, "%.2f", (cpu1[0] - cpu0[0]) / (double) clockTicks / seconds));
                if (dbPid > 0) {
                    results.put(p + "dbCpu", String.format(Locale.ROOT, "%.2f", (cpu1[1] - cpu0[1]) / (double) clockTicks / seconds));
                }
                if (cpu1[2] > cpu0[2]) {
                    results.put(p + "machineBusy", String.format(Locale.ROOT, "%.0f",
                            100.0 * (cpu1[3] - cpu0[3]) / (cpu1[2] - cpu0[2])));
                }
            }
            if (!threads1.isEmpty()) {
                // the application's CPU by thread group (thread names with digits folded), in cores
                Map<String, Long> delta = new HashMap<>();
                threads1.forEach((name, ticks) -> delta.merge(name, ticks - threads0.getOrDefault(name, 0L), Long::sum));
                StringBuilder byThread = new StringBuilder();
                delta.entrySet().stream().filter(e -> e.getValue() > 0)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                        .forEach(e -> byThread.append(byThread.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                                .append(String.format(Locale.ROOT, "%.2f", e.getValue() / (double) clockTicks / seconds)));
                results.put(p + "appCpuByThread", byThread.toString());
            }
            if (statements0 >= 0 && statements1 >= statements0) {
                results.put(p + "dbStatementsPerAttempt", String.format(Locale.ROOT, "%.0f",
                        (statements1 - statements0) / (double) Math.max(1, done.size())));
            }
            Map<String, String> errorKinds = new TreeMap<>();
            for (Attempt a : failed) {
                errorKinds.merge(kind(a), "1", (x, y) -> Integer.toString(Integer.parseInt(x) + 1));
            }
            results.put(p + "errorKinds", errorKinds.toString().replace(" ", "").replace("=", ":"));

            // 5. the states afterwards
            Map<String, String> stateOf = states(ids);
            Map<String, Integer> stateCounts = new TreeMap<>();
            stateOf.values().forEach(s -> stateCounts.merge(s, 1, Integer::sum));
            int drawn = stateCounts.getOrDefault(DRAWN, 0);
            int fallback = stateCounts.getOrDefault(FALLBACK, 0);
            results.put(p + "drawn", Integer.toString(drawn));
            results.put(p + "fallback", Integer.toString(fallback));
            results.put(p + "fallbackShare", String.format(Locale.ROOT, "%.1f", 100.0 * fallback / ids.size()));
            results.put(p + "otherStates", Integer.toString(ids.size() - drawn - fallback));
            results.put(p + "states", stateCounts.toString().replace(" ", "").replace("=", ":"));

            // latency of the successful attempts; also split by outcome
            // Client latency per draw: from its first attempt's start to its last attempt's end, so that
            // a draw that failed and was retried counts with the whole time it took.
            List<Attempt> draws = perDraw(done);
            long[] client = sortedMicros(draws, a -> (a.endNanos() - a.startNanos()) / 1_000);
            long[] clientDrawn = sortedMicros(draws.stream().filter(a -> DRAWN.equals(stateOf.get(a.tenderId()))).toList(),
                    a -> (a.endNanos() - a.startNanos()) / 1_000);
            long[] clientFallback = sortedMicros(draws.stream().filter(a -> FALLBACK.equals(stateOf.get(a.tenderId()))).toList(),
                    a -> (a.endNanos() - a.startNanos()) / 1_000);
            percentiles(p + "client.", client);
            percentiles(p + "client.drawn.", clientDrawn);
            percentiles(p + "client.fallback.", clientFallback);
            if (!failed.isEmpty()) {
                percentiles(p + "client.failed.", sortedMicros(failed, a -> (a.endNanos() - a.startNanos()) / 1_000));
            }

            System.out.printf(Locale.ROOT,
                    "    [%s %s] %d draws in %.2f s = %.1f draws/s | client ms p50 %s p95 %s p99 %s max %s | server p99 %s"
                            + " | drawn %d, fallback %d (%s%%), other %d | attempts %d, failed attempts %d %s, failed draws %s%n",
                    label, variant.key(), succeededJobs, wall, succeededJobs / wall, results.get(p + "client.p50"),
                    results.get(p + "client.p95"), results.get(p + "client.p99"), results.get(p + "client.max"),
                    results.get(p + "server.p99"), drawn, fallback, results.get(p + "fallbackShare"),
                    ids.size() - drawn - fallback, done.size(), failed.size(), errorKinds, results.get(p + "failedDraws"));
            failed.stream().limit(3).forEach(a -> System.out.println("      failed: HTTP " + a.status() + " " + shorten(a.error(), 400)));
            return new Round(new ArrayList<>(done), stateOf, wall, succeededJobs, queue.size() - succeededJobs,
                    parseOr(results.get(p + "appCpu")), parseOr(results.get(p + "dbCpu")), parseOr(results.get(p + "machineBusy")),
                    parseOr(results.get(p + "dbStatementsPerAttempt")));
        }

        /** One entry per draw job: its first attempt's start, its last attempt's end, status and server time. */
        static List<Attempt> perDraw(List<Attempt> attempts) {
            Map<String, Attempt> byJob = new LinkedHashMap<>();
            for (Attempt a : attempts) {
                byJob.merge(a.jobId(), a, (x, y) -> {
                    Attempt first = x.startNanos() <= y.startNanos() ? x : y;
                    Attempt last = x.endNanos() >= y.endNanos() ? x : y;
                    return new Attempt(last.jobId(), last.tenderId(), first.startNanos(), last.endNanos(), last.status(),
                            last.serverMicros(), last.error());
                });
            }
            return new ArrayList<>(byJob.values());
        }

        static double parseOr(String value) {
            return value == null ? Double.NaN : Double.parseDouble(value);
        }

        /**
         * The figures of a variant over its repeats: draws per second as the median (and the range) of
         * the rounds, latency percentiles over all the rounds' draws together, counts summed.
         */
        void aggregate(Variant variant, List<Round> rounds) {
            String p = variant.key() + ".";
            List<Double> rates = new ArrayList<>();
            List<Attempt> ok = new ArrayList<>();
            List<Attempt> failed = new ArrayList<>();
            int drawn = 0;
            int fallback = 0;
            int tenders = 0;
            long failedDraws = 0;
            Map<String, String> stateOf = new HashMap<>();
            for (Round r : rounds) {
                rates.add(r.succeeded() / r.wall());
                r.done().forEach(a -> (a.status() == 200 ? ok : failed).add(a));
                stateOf.putAll(r.stateOf());
                tenders += r.stateOf().size();
                drawn += (int) r.stateOf().values().stream().filter(DRAWN::equals).count();
                fallback += (int) r.stateOf().values().stream().filter(FALLBACK::equals).count();
                failedDraws += r.failedDraws();
            }
            List<Double> sortedRates = new ArrayList<>(rates);
            Collections.sort(sortedRates);
            results.put(p + "rounds", Integer.toString(rounds.size()));
            results.put(p + "tenders", Integer.toString(variant.tenders()));
            results.put(p + "committee", Integer.toString(variant.committee()));
            results.put(p + "drawsPerSecond", String.format(Locale.ROOT, "%.1f", sortedRates.get((sortedRates.size() - 1) / 2)));
            results.put(p + "drawsPerSecond.min", String.format(Locale.ROOT, "%.1f", sortedRates.get(0)));
            results.put(p + "drawsPerSecond.max", String.format(Locale.ROOT, "%.1f", sortedRates.get(sortedRates.size() - 1)));
            results.put(p + "drawsPerSecond.all", String.join(" ", rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList()));
            results.put(p + "wallSeconds.all", String.join(" ", rounds.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.wall())).toList()));
            results.put(p + "attempts", Integer.toString(ok.size() + failed.size()));
            results.put(p + "failedAttempts", Integer.toString(failed.size()));
            results.put(p + "failedDraws", Long.toString(failedDraws));
            Map<String, Integer> errorKinds = new TreeMap<>();
            failed.forEach(a -> errorKinds.merge(kind(a), 1, Integer::sum));
            results.put(p + "errorKinds", errorKinds.toString().replace(" ", "").replace("=", ":"));
            results.put(p + "drawn", Integer.toString(drawn));
            results.put(p + "fallback", Integer.toString(fallback));
            results.put(p + "otherStates", Integer.toString(tenders - drawn - fallback));
            results.put(p + "fallbackShare", String.format(Locale.ROOT, "%.1f", 100.0 * fallback / tenders));
            results.put(p + "fallbackShare.all", String.join(" ", rounds.stream().map(r -> String.format(Locale.ROOT, "%.1f",
                    100.0 * r.stateOf().values().stream().filter(FALLBACK::equals).count() / r.stateOf().size())).toList()));
            List<Attempt> draws = new ArrayList<>();
            rounds.forEach(r -> draws.addAll(perDraw(r.done())));
            percentiles(p + "client.", sortedMicros(draws, a -> (a.endNanos() - a.startNanos()) / 1_000));
            List<Double> serverP99 = new ArrayList<>();
            for (int r = 1; r <= rounds.size(); r++) {
                String v = results.get(variant.key() + "#" + r + ".server.p99");
                if (v != null && !v.startsWith("-") && !v.startsWith(">")) {
                    serverP99.add(Double.parseDouble(v));
                }
            }
            results.put(p + "server.p99", serverP99.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f",
                    serverP99.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
            results.put(p + "server.p50", results.getOrDefault(variant.key() + "#1.server.p50", "-"));
            percentiles(p + "client.drawn.", sortedMicros(draws.stream().filter(a -> DRAWN.equals(stateOf.get(a.tenderId())))
                    .toList(), a -> (a.endNanos() - a.startNanos()) / 1_000));
            percentiles(p + "client.fallback.", sortedMicros(draws.stream().filter(a -> FALLBACK.equals(stateOf.get(a.tenderId())))
                    .toList(), a -> (a.endNanos() - a.startNanos()) / 1_000));
            results.put(p + "client.p99.all", String.join(" ", rounds.stream().map(r -> {
                long[] micros = sortedMicros(perDraw(r.done()),
                        a -> (a.endNanos() - a.startNanos()) / 1_000);
                return micros.length == 0 ? "-" : ms(percentile(micros, 99));
            }).toList()));
            results.put(p + "appCpu", mean(rounds.stream().mapToDouble(Round::appCpu).toArray(), "%.2f"));
            results.put(p + "dbCpu", mean(rounds.stream().mapToDouble(Round::dbCpu).toArray(), "%.2f"));
            results.put(p + "machineBusy", mean(rounds.stream().mapToDouble(Round::machineBusy).toArray(), "%.0f"));
            results.put(p + "dbStatementsPerAttempt", mean(rounds.stream().mapToDouble(r -> r.statementsPerAttempt()).toArray(), "%.0f"));
            System.out.printf(Locale.ROOT, "    [%s %s over %d rounds] draws/s median %s (%s) | client ms p50 %s p95 %s p99 %s max %s"
                    + " | fallback %s%% | failed attempts %d%n", label, variant.key(), rounds.size(), results.get(p + "drawsPerSecond"),
                    results.get(p + "drawsPerSecond.all"), results.get(p + "client.p50"), results.get(p + "client.p95"),
                    results.get(p + "client.p99"), results.get(p + "client.max"), results.get(p + "fallbackShare"), failed.size());
        }

        static String mean(double[] values, String format) {
            double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
            return known.length == 0 ? "-" : String.format(Locale.ROOT, format, Arrays.stream(known).average().orElse(0));
        }

        /** A short name for a failure: the innermost exception class, or the HTTP status. */
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

        List<String> register(Variant variant, LocalDate date) throws Exception {
            List<String> mains = mainCenters();
            String[] ids = new String[variant.tenders()];
            AtomicInteger next = new AtomicInteger();
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(registerThreads);
            List<Future<?>> futures = new ArrayList<>();
            int large = variant.committee() - variant.committee() / 2;
            for (int t = 0; t < registerThreads; t++) {
                futures.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < ids.length; n = next.getAndIncrement()) {
                        String main = mains.get(n % mains.size());
                        String body = "{\"sectionCode\":\"VDRAW-" + runId + "-" + variant.key().replace('#', '-') + "-" + n + "\""
                                + ",\"name\":\"场地抽取基准测试标段\",\"mainCenter\":\"" + main + "\""
                                + ",\"category\":\"SERVICES\",\"estimatedPrice\":\"9000000.00\""
                                + ",\"evaluationDate\":\"" + date + "\",\"halfDay\":\"AM\""
                                + ",\"committee\":{\"size\":" + variant.committee() + ",\"specialties\":[{\"code\":\"A01\",\"count\":"
                                + large + "},{\"code\":\"B02\",\"count\":" + (variant.committee() - large) + "}]}"
                                + ",\"regulationRequiresCrossProvince\":false,\"expertShortageAsserted\":false}";
                        Answer answer = send("POST", "/api/tenders", "staff-" + main.toLowerCase(Locale.ROOT),
                                "application/json", body);
                        if (answer.status() != 201 || !"AWAITING_VENUE_DRAW".equals(group(STATE, answer.body(), ""))) {
                            errors.add("HTTP " + answer.status() + " " + shorten(answer.body(), 300));
                            continue;
                        }
                        ids[n] = group(ID, answer.body(), null);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            if (!errors.isEmpty()) {
                throw new IllegalStateException(errors.size() + " registrations failed, first: " + errors.get(0));
            }
            return Arrays.asList(ids);
        }

        Map<String, String> states(List<String> ids) throws Exception {
            Map<String, String> states = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(registerThreads);
            List<Future<?>> futures = new ArrayList<>();
            for (String id : ids) {
                futures.add(pool.submit(() -> {
                    Answer answer = get("demo", "/api/tenders/" + id);
                    states.put(id, answer.status() == 200 ? group(STATE, answer.body(), "?") : "HTTP" + answer.status());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            return states;
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

        /** The database server's statement counter, through --db-statements-command; -1 without one. */
        long dbStatements() {
            if (statementsCommand == null || statementsCommand.isBlank()) {
                return -1;
            }
            try {
                Process process = new ProcessBuilder("bash", "-c", statementsCommand).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                process.waitFor();
                return Long.parseLong(output.replaceAll(".*\\s", ""));
            } catch (IOException | RuntimeException | InterruptedException e) {
                return -1;
            }
        }

        /** CPU ticks of every thread of a process, summed by thread name with digits folded ("http-nio-N-exec-N"). */
        static Map<String, Long> threadTicks(long pid) {
            Map<String, Long> ticks = new HashMap<>();
            if (pid <= 0) {
                return ticks;
            }
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended
                    }
                }
            } catch (IOException e) {
                return ticks;
            }
            return ticks;
        }

        static long processTicks(long pid) throws IOException {
            if (pid <= 0) {
                return 0;
            }
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        }

        void percentiles(String prefix, long[] sorted) {
            results.put(prefix + "count", Integer.toString(sorted.length));
            if (sorted.length == 0) {
                return;
            }
            for (int q : new int[] {50, 95, 99}) {
                results.put(prefix + "p" + q, ms(percentile(sorted, q)));
            }
            results.put(prefix + "max", ms(sorted[sorted.length - 1]));
            results.put(prefix + "mean", ms((long) Arrays.stream(sorted).average().orElse(0)));
        }

        static boolean ok(Answer answer) {
            return answer.status() / 100 == 2;
        }

        Answer get(String user, String path) throws IOException, InterruptedException {
            return send("GET", path, user, null, null);
        }

        Answer send(String method, String path, String user, String contentType, String body)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }
    }

    /**
     * Samples the application's threads over JMX (the attach API starts its local management agent):
     * every 500 ms, up to {@code max} samples, each written as jcmd-like text so that
     * {@code summarise_threads} in bench/lib.sh can take a census of them.
     */
    static final class Sampler {
        final long pid;
        final Path dir;
        final int max;
        Thread thread;
        volatile boolean running = true;
        volatile int taken;
        JMXConnector connector;
        ThreadMXBean threads;

        Sampler(long pid, Path dir, int max) {
            this.pid = pid;
            this.dir = dir;
            this.max = max;
            if (pid <= 0 || max <= 0) {
                return;
            }
            try {
                Files.createDirectories(dir);
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                String address = vm.startLocalManagementAgent();
                vm.detach();
                connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                threads = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.THREAD_MXBEAN_NAME,
                        ThreadMXBean.class);
            } catch (Exception e) {
                System.out.println("    (no thread samples: " + e + ")");
            }
        }

        void start() {
            if (threads == null) {
                return;
            }
            thread = new Thread(() -> {
                try {
                    Thread.sleep(250);
                    while (running && taken < max) {
                        ThreadInfo[] infos = threads.dumpAllThreads(true, false);
                        StringBuilder text = new StringBuilder();
                        for (ThreadInfo info : infos) {
                            text.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId()).append('\n');
                            text.append("   java.lang.Thread.State: ").append(info.getThreadState()).append('\n');
                            for (StackTraceElement frame : info.getStackTrace()) {
                                text.append("\tat ").append(frame).append('\n');
                            }
                            if (info.getLockName() != null) {
                                text.append("\t(waiting on ").append(info.getLockName())
                                        .append(info.getLockOwnerName() == null ? "" : " held by " + info.getLockOwnerName())
                                        .append(")\n");
                            }
                            text.append('\n');
                        }
                        taken++;
                        Files.writeString(dir.resolve("sample-" + taken + ".txt"), text);
                        Thread.sleep(500);
                    }
                } catch (Exception e) {
                    if (running) {
                        System.out.println("    (thread sampling stopped: " + e + ")");
                    }
                }
            }, "sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws Exception {
            running = false;
            if (thread != null) {
                thread.join(5_000);
            }
            if (connector != null) {
                connector.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // verify

    static void verify(Map<String, String> opts) throws Exception {
        Properties load = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(opts.get("in")), StandardCharsets.UTF_8)) {
            load.load(reader);
        }
        Map<String, String> results = new LinkedHashMap<>();
        String url = opts.get("jdbc-url");
        try (Connection db = DriverManager.getConnection(url, opts.getOrDefault("db-user", ""), opts.getOrDefault("db-password", ""))) {
            results.put("doubleBookings.all", Long.toString(count(db, "SELECT COUNT(*) FROM (SELECT workstation_id, eval_date, "
                    + "half_day FROM workstation_booking GROUP BY workstation_id, eval_date, half_day HAVING COUNT(*) > 1) d")));
            int capacity = (int) count(db, "SELECT COUNT(*) FROM workstation");
            results.put("capacity", Integer.toString(capacity));
            results.put("drawRecords.all", Long.toString(count(db, "SELECT COUNT(*) FROM draw_record")));
            List<String> keys = new ArrayList<>();
            for (String name : load.stringPropertyNames()) {
                if (name.endsWith(".date")) {
                    keys.add(name.substring(0, name.length() - ".date".length()));
                }
            }
            Collections.sort(keys);
            for (String key : keys) {
                verifySlot(db, key, java.sql.Date.valueOf(load.getProperty(key + ".date")), load.getProperty(key + ".halfDay"),
                        capacity, results);
            }
            // The repeats of a variant ("200x5#1", "200x5#2", ...): counts summed under the variant's key,
            // seats and leftovers listed.
            Map<String, List<String>> repeats = new TreeMap<>();
            for (String key : keys) {
                if (key.contains("#")) {
                    repeats.computeIfAbsent(key.substring(0, key.indexOf('#')), k -> new ArrayList<>()).add(key);
                }
            }
            List<String> summed = List.of("doubleBookings", "sql.tenders", "sql.drawn", "sql.fallback", "drawnWithoutExactSeats",
                    "spreadViolations", "notDrawnButSeated", "drawRecords", "tendersWithoutExactlyOneRecord",
                    "snapshotMismatches", "recordResultNotBooked", "unjustifiedFallbacks", "fallbacksSeatableAtTheEnd");
            repeats.forEach((base, rounds) -> {
                rounds.sort(java.util.Comparator.comparingInt(k -> Integer.parseInt(k.substring(k.indexOf('#') + 1))));
                for (String field : summed) {
                    results.put(base + "." + field, Long.toString(rounds.stream()
                            .mapToLong(k -> Long.parseLong(results.getOrDefault(k + "." + field, "0"))).sum()));
                }
                results.put(base + ".seatsBooked", String.join(" ", rounds.stream().map(k -> results.get(k + ".seatsBooked")).toList()));
                results.put(base + ".leftoverFree", String.join(" ", rounds.stream().map(k -> results.get(k + ".leftoverFree")).toList()));
                Map<String, Long> actors = new TreeMap<>();
                for (String k : rounds) {
                    String text = results.get(k + ".recordActors");
                    for (String entry : text.substring(1, text.length() - 1).split(",")) {
                        if (!entry.isBlank()) {
                            actors.merge(entry.split(":")[0], Long.parseLong(entry.split(":")[1]), Long::sum);
                        }
                    }
                }
                results.put(base + ".recordActors", actors.toString().replace(" ", "").replace("=", ":"));
            });
        }
        String out = opts.get("out");
        System.out.printf("  verified %d slots from the tables: double bookings in the whole table %s, draw records %s%n",
                load.stringPropertyNames().stream().filter(k -> k.endsWith(".date")).count(), results.get("doubleBookings.all"),
                results.get("drawRecords.all"));
        if (out != null) {
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8))) {
                results.forEach((k, v) -> writer.println(k + "=" + v));
            }
        }
    }

    static void verifySlot(Connection db, String key, java.sql.Date date, String halfDay, int capacity,
            Map<String, String> results) throws SQLException {
        String p = key + ".";
        results.put(p + "doubleBookings", Long.toString(count(db, "SELECT COUNT(*) FROM (SELECT workstation_id FROM "
                + "workstation_booking WHERE eval_date = ? AND half_day = ? GROUP BY workstation_id HAVING COUNT(*) > 1) d",
                date, halfDay)));
        results.put(p + "seatsBooked", Long.toString(count(db,
                "SELECT COUNT(*) FROM workstation_booking WHERE eval_date = ? AND half_day = ?", date, halfDay)));

        // the tenders of the slot, their state, committee and main venue
        Map<String, String> state = new LinkedHashMap<>();
        Map<String, Integer> committee = new HashMap<>();
        Map<String, String> main = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT id, state, committee_size, main_center FROM tender "
                + "WHERE evaluation_date = ? AND half_day = ?")) {
            s.setDate(1, date);
            s.setString(2, halfDay);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    state.put(rs.getString(1), rs.getString(2));
                    committee.put(rs.getString(1), rs.getInt(3));
                    main.put(rs.getString(1), rs.getString(4));
                }
            }
        }
        Map<String, Map<String, Integer>> seats = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT b.holder_ref, w.center_code, COUNT(*) FROM workstation_booking b "
                + "JOIN workstation w ON w.id = b.workstation_id WHERE b.eval_date = ? AND b.half_day = ? "
                + "GROUP BY b.holder_ref, w.center_code")) {
            s.setDate(1, date);
            s.setString(2, halfDay);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seats.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
        }
        Map<String, Integer> states = new TreeMap<>();
        int wrongSeats = 0;
        int spreadViolations = 0;
        int fallbackWithSeats = 0;
        for (Map.Entry<String, String> tender : state.entrySet()) {
            states.merge(tender.getValue(), 1, Integer::sum);
            Map<String, Integer> mine = seats.getOrDefault(tender.getKey(), Map.of());
            int total = mine.values().stream().mapToInt(Integer::intValue).sum();
            int n = committee.get(tender.getKey());
            if (DRAWN.equals(tender.getValue())) {
                if (total != n) {
                    wrongSeats++;
                }
                long others = mine.keySet().stream().filter(c -> !c.equals(main.get(tender.getKey()))).count();
                boolean overCap = mine.values().stream().anyMatch(c -> c > n / 2);
                if (others < 2 || overCap || mine.getOrDefault(main.get(tender.getKey()), 0) > n / 3) {
                    spreadViolations++;
                }
            } else if (total > 0) {
                fallbackWithSeats++;
            }
        }
        results.put(p + "sql.tenders", Integer.toString(state.size()));
        results.put(p + "sql.states", states.toString().replace(" ", "").replace("=", ":"));
        results.put(p + "sql.drawn", Integer.toString(states.getOrDefault(DRAWN, 0)));
        results.put(p + "sql.fallback", Integer.toString(states.getOrDefault(FALLBACK, 0)));
        results.put(p + "drawnWithoutExactSeats", Integer.toString(wrongSeats));
        results.put(p + "spreadViolations", Integer.toString(spreadViolations));
        results.put(p + "notDrawnButSeated", Integer.toString(fallbackWithSeats));

        // the draw records of the slot, in chain order: each snapshot must show the capacity minus the
        // seats of the draws before it, and a fallback must be justified by its snapshot.
        List<Object[]> records = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT r.seq, r.tender_id, r.eligible_list, r.request, r.result, r.actor "
                + "FROM draw_record r JOIN tender t ON t.id = r.tender_id WHERE t.evaluation_date = ? AND t.half_day = ? "
                + "AND r.kind = 'VENUE' ORDER BY r.seq")) {
            s.setDate(1, date);
            s.setString(2, halfDay);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)});
                }
            }
        }
        Map<String, Integer> recordsPerTender = new HashMap<>();
        int bookedBefore = 0;
        int snapshotMismatches = 0;
        int unjustified = 0;
        int resultMismatches = 0;
        Map<String, Integer> actors = new TreeMap<>();
        for (Object[] r : records) {
            String tender = (String) r[1];
            recordsPerTender.merge(tender, 1, Integer::sum);
            actors.merge((String) r[5], 1, Integer::sum);
            Map<String, Integer> free = counts((String) r[2]);
            Map<String, String> request = entries((String) r[3]);
            int freeTotal = free.values().stream().mapToInt(Integer::intValue).sum();
            if (freeTotal != capacity - bookedBefore) {
                snapshotMismatches++;
            }
            String result = (String) r[4];
            boolean drawn = !result.strip().equals("NO_RANDOM_PICK");
            int n = Integer.parseInt(request.get("committeeSize"));
            if (drawn) {
                Map<String, Integer> picked = counts(result);
                bookedBefore += picked.values().stream().mapToInt(Integer::intValue).sum();
                if (!picked.equals(seats.getOrDefault(tender, Map.of()))) {
                    resultMismatches++;
                }
            } else if (feasible(n, request.get("mainCenter"), free, Integer.parseInt(request.get("minSubVenueCenters")),
                    fraction(request.get("maxCenterShare"), n), fraction(request.get("mainVenueShare"), n))) {
                unjustified++;
            }
        }
        results.put(p + "drawRecords", Integer.toString(records.size()));
        results.put(p + "tendersWithoutExactlyOneRecord", Long.toString(state.keySet().stream()
                .filter(id -> recordsPerTender.getOrDefault(id, 0) != 1).count()));
        results.put(p + "recordActors", actors.toString().replace(" ", "").replace("=", ":"));
        results.put(p + "snapshotMismatches", Integer.toString(snapshotMismatches));
        results.put(p + "recordResultNotBooked", Integer.toString(resultMismatches));
        results.put(p + "unjustifiedFallbacks", Integer.toString(unjustified));

        // what is left free, and whether any committee of the slot's sizes could still be seated anywhere
        Map<String, Integer> leftover = new TreeMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT w.center_code, COUNT(*) FROM workstation w WHERE NOT EXISTS "
                + "(SELECT 1 FROM workstation_booking b WHERE b.workstation_id = w.id AND b.eval_date = ? AND b.half_day = ?) "
                + "GROUP BY w.center_code")) {
            s.setDate(1, date);
            s.setString(2, halfDay);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leftover.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        results.put(p + "leftoverFree", Integer.toString(leftover.values().stream().mapToInt(Integer::intValue).sum()));
        results.put(p + "leftoverByCenter", leftover.toString().replace(" ", "").replace("=", ":"));
        int stillSeatable = 0;
        for (String id : state.keySet()) {
            if (FALLBACK.equals(state.get(id))) {
                int n = committee.get(id);
                Map<String, Integer> all = new TreeMap<>();
                main.values().forEach(c -> all.putIfAbsent(c, 0));
                all.putAll(leftover);
                if (feasible(n, main.get(id), all, 2, n / 2, n / 3)) {
                    stillSeatable++;
                }
            }
        }
        results.put(p + "fallbacksSeatableAtTheEnd", Integer.toString(stillSeatable));
    }

    /** Whether venue-draw/v1 finds a pick for a committee of n at main venue M in this snapshot. */
    static boolean feasible(int n, String main, Map<String, Integer> free, int minSubVenueCenters, int cap, int mainShare) {
        if (cap < 1) {
            return false;
        }
        int mainSeats = Math.min(Math.min(mainShare, free.getOrDefault(main, 0)), cap);
        int r = n - mainSeats;
        List<Integer> others = new ArrayList<>();
        free.forEach((c, f) -> {
            if (!c.equals(main)) {
                others.add(f);
            }
        });
        int from = Math.max(minSubVenueCenters, (r + cap - 1) / cap);
        int to = Math.min(r, others.size());
        for (int k = from; k <= to; k++) {
            int need = (r + k - 1) / k;
            if (others.stream().filter(f -> f >= need).count() >= k) {
                return true;
            }
        }
        return false;
    }

    static int fraction(String aOverB, int n) {
        String[] parts = aOverB.split("/");
        return Math.floorDiv(n * Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    static Map<String, String> entries(String canonical) {
        Map<String, String> entries = new TreeMap<>();
        for (String line : canonical.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                entries.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return entries;
    }

    static Map<String, Integer> counts(String canonical) {
        Map<String, Integer> counts = new TreeMap<>();
        entries(canonical).forEach((k, v) -> counts.put(k, Integer.parseInt(v)));
        return counts;
    }

    static long count(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    interface MicrosOf {
        long of(Attempt a);
    }

    static long[] sortedMicros(List<Attempt> attempts, MicrosOf f) {
        long[] values = attempts.stream().mapToLong(f::of).toArray();
        Arrays.sort(values);
        return values;
    }

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
