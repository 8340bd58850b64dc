import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load driver of the chaos run (bench/run-chaos.sh): two nodes of the packaged application on one
 * database, one of them killed now and then. Single file, JDK only. It acts as the people do, through
 * the nodes' HTTP APIs only, and fails over to the other node when one does not answer (as a load
 * balancer would):
 *
 * <ul>
 * <li>staff of each center register the tenders ({@code POST /api/tenders}; a registration whose answer was
 * lost is sent again and its 409 looked up by section code);</li>
 * <li>experts read their invitation SMS from the {@code file} gateway's files (their phones) and answer on
 * the answer endpoint or, when a gateway secret is given, by a signed SMS reply; a few decline;</li>
 * <li>one worker per demo account ({@code staff-<center>}, {@code supervisor-<center>}) works through its
 * Tasklist inbox ({@code GET /engine-rest/task}) and submits each form ({@code POST .../submit-form}): the
 * evaluation day, the venue duties, the hand-overs, the escalations and the monthly report reviews;</li>
 * <li>the operator ({@code demo}) starts the review of past months ({@code POST /api/reports/monthly/{m}/review}).</li>
 * </ul>
 *
 * <pre>
 * java bench/ChaosLoad.java run    --urls URL,URL --tenders 1000 --clients 8 --start-date YYYY-MM-DD --per-slot 9
 *      --ids FILE --sms-files F1,F2 [--sms-secret S] [--decline-pct 3] [--late-pct 15] [--months 3]
 *      [--run-id ID] [--timeout 3600] [--out FILE]
 * java bench/ChaosLoad.java settle --urls URL,URL --ids FILE --sms-files F1,F2 --clock-offset P10D [--late-hold 180]
 *      [--months 3] [--timeout 1800] [--out FILE]
 * </pre>
 *
 * {@code run} registers the tenders and drives them to the hand-over; the sub-venues of {@code late-pct}
 * percent of the sessions (by session code) keep their material, so that those tenders wait in
 * HANDING_OVER. It ends when every tender is HANDING_OVER or HANDED_OVER and nobody had anything to do for
 * 30 s. {@code settle} runs after the nodes were restarted a week later in business time
 * ({@code REMOTE_EVAL_CLOCK_OFFSET}): the held hand-overs wait {@code late-hold} seconds more (their
 * deadlines fire meanwhile and reach the supervisors), then everything is finished. It ends when every
 * tender is HANDED_OVER, every month's report submitted and nobody had anything to do for 30 s. Either phase
 * also ends, incomplete, when nothing moved and nobody had anything to do for 5 minutes.
 */
public class ChaosLoad {

    static final List<String> CENTERS = List.of("PROV", "HRB", "QQHR", "MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG",
            "HH", "SH", "DXAL");
    static final String OPERATOR = "demo";
    static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Pattern REPLY_CODE = Pattern.compile("“1 ([0-9A-Z]{12})”");
    static final long QUIET_MS = 30_000;
    static final long STALL_MS = 300_000;
    static final long GIVE_UP_MS = 300_000;

    static HttpClient client;
    static List<String> urls;
    static Duration clockOffset = Duration.ZERO;
    static Semaphore permits;
    static volatile boolean stopping;
    static volatile long lastAction = System.currentTimeMillis();
    static volatile long lateHoldUntil = Long.MAX_VALUE;
    static int latePct;
    static final Map<String, LongAdder> done = new ConcurrentHashMap<>();
    static final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    static final LongAdder failovers = new LongAdder();
    static final AtomicInteger printedErrors = new AtomicInteger();
    static final Map<String, String> out = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !Set.of("run", "settle").contains(args[0])) {
            System.out.println("usage: java bench/ChaosLoad.java run|settle --urls URL,URL ... (see the class comment)");
            System.exit(2);
        }
        Map<String, String> opts = parse(Arrays.copyOfRange(args, 1, args.length));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
        urls = List.of(opts.getOrDefault("urls", "http://127.0.0.1:18280,http://127.0.0.1:18281").split(","));
        permits = new Semaphore(Integer.parseInt(opts.getOrDefault("clients", "8")));
        latePct = Integer.parseInt(opts.getOrDefault("late-pct", "15"));
        if (opts.containsKey("clock-offset")) {
            clockOffset = Duration.parse(opts.get("clock-offset"));
        }
        long started = System.currentTimeMillis();
        boolean complete = args[0].equals("run") ? run(opts) : settle(opts);
        out.put(args[0] + ".seconds", String.valueOf((System.currentTimeMillis() - started) / 1000));
        out.put(args[0] + ".complete", String.valueOf(complete));
        out.put(args[0] + ".failovers", String.valueOf(failovers.sum()));
        new TreeMap<>(done).forEach((k, v) -> out.put(args[0] + ".done." + k, String.valueOf(v.sum())));
        new TreeMap<>(errors).forEach((k, v) -> out.put(args[0] + ".errors." + k, String.valueOf(v.sum())));
        out.forEach((k, v) -> System.out.println("  " + k + " = " + v));
        String file = opts.get("out");
        if (file != null) {
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                out.forEach((k, v) -> writer.println(k + "=" + v));
            }
        }
        System.exit(0);
    }

    // --- the two phases --------------------------------------------------------------------------------

    static boolean run(Map<String, String> opts) throws Exception {
        int tenders = Integer.parseInt(opts.getOrDefault("tenders", "1000"));
        int perSlot = Integer.parseInt(opts.getOrDefault("per-slot", "9"));
        LocalDate start = LocalDate.parse(opts.get("start-date"));
        String runId = opts.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));
        long timeoutMs = Long.parseLong(opts.getOrDefault("timeout", "3600")) * 1000;
        Path ids = Path.of(opts.get("ids"));
        List<YearMonth> months = months(Integer.parseInt(opts.getOrDefault("months", "3")));
        System.out.printf(Locale.ROOT, "[run] %d tenders from %s (%d per half-day), %d clients, run id %s, nodes %s%n",
                tenders, start, perSlot, permits.availablePermits(), runId, urls);

        List<Thread> threads = startPeople(opts);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger registered = new AtomicInteger();
        List<Thread> registering = new ArrayList<>();
        int registrars = Math.max(1, permits.availablePermits() / 2);
        for (int t = 0; t < registrars; t++) {
            Thread thread = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < tenders && !stopping;) {
                    if (register(i, start, perSlot, runId, ids)) {
                        registered.incrementAndGet();
                    }
                }
            }, "register-" + t);
            thread.start();
            registering.add(thread);
        }
        // The operator starts one month's review now and then while the tenders come in.
        Thread operator = new Thread(() -> {
            for (YearMonth month : months) {
                startReview(month);
                sleep(Math.max(5_000, tenders * 40L / Math.max(1, months.size())));
            }
        }, "operator");
        operator.start();
        for (Thread thread : registering) {
            thread.join();
        }
        System.out.printf(Locale.ROOT, "[run] %d of %d registrations acknowledged%n", registered.get(), tenders);
        out.put("run.registered", String.valueOf(registered.get()));
        boolean complete = awaitStates(Set.of("HANDING_OVER", "HANDED_OVER"), List.of(), timeoutMs, registered.get());
        stopping = true;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        return complete;
    }

    static boolean settle(Map<String, String> opts) throws Exception {
        long timeoutMs = Long.parseLong(opts.getOrDefault("timeout", "1800")) * 1000;
        lateHoldUntil = System.currentTimeMillis() + Long.parseLong(opts.getOrDefault("late-hold", "180")) * 1000;
        List<YearMonth> months = months(Integer.parseInt(opts.getOrDefault("months", "3")));
        int expected = (int) Files.readAllLines(Path.of(opts.get("ids"))).stream().filter(l -> !l.isBlank()).count();
        System.out.printf(Locale.ROOT, "[settle] business time %s, held hand-overs released in %d s, %d tenders%n",
                businessNow(), (lateHoldUntil - System.currentTimeMillis()) / 1000, expected);
        List<Thread> threads = startPeople(opts);
        for (YearMonth month : months) {
            startReview(month);
        }
        boolean complete = awaitStates(Set.of("HANDED_OVER"), months, timeoutMs, expected);
        stopping = true;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        return complete;
    }

    /** The experts and the staff, each in their own thread. */
    static List<Thread> startPeople(Map<String, String> opts) {
        List<Thread> threads = new ArrayList<>();
        Experts experts = new Experts(List.of(opts.getOrDefault("sms-files", "").split(",")), opts.get("sms-secret"),
                Integer.parseInt(opts.getOrDefault("decline-pct", "3")), Path.of(opts.getOrDefault("answered",
                        Path.of(opts.get("ids")).resolveSibling("answered.txt").toString())));
        threads.add(new Thread(experts::run, "experts"));
        for (String center : CENTERS) {
            threads.add(new Thread(new Worker("staff-" + center.toLowerCase(Locale.ROOT), center)::run, "staff-" + center));
            threads.add(new Thread(new Worker("supervisor-" + center.toLowerCase(Locale.ROOT), center)::run,
                    "supervisor-" + center));
        }
        threads.forEach(Thread::start);
        return threads;
    }

    /**
     * Waits until every tender is in one of the states, every month's report was submitted and nobody had
     * anything to do for a while; prints the progress every 15 s.
     */
    static boolean awaitStates(Set<String> states, List<YearMonth> months, long timeoutMs, int expected) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long started = System.currentTimeMillis();
        Map<String, Integer> last = Map.of();
        long lastChange = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            sleep(15_000);
            Map<String, Integer> histogram = stateHistogram();
            if (histogram == null) {
                continue;
            }
            if (!histogram.equals(last)) {
                lastChange = System.currentTimeMillis();
            }
            last = histogram;
            int there = histogram.entrySet().stream().filter(e -> states.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
            long submitted = months.stream().filter(ChaosLoad::submitted).count();
            long quiet = System.currentTimeMillis() - lastAction;
            System.out.printf(Locale.ROOT, "  [%4ds] %s; reports submitted %d/%d; tasks done %d; quiet %d s%n",
                    (System.currentTimeMillis() - started) / 1000, histogram, submitted, months.size(),
                    done.values().stream().mapToLong(LongAdder::sum).sum(), quiet / 1000);
            if (there >= expected && submitted == months.size() && quiet > QUIET_MS) {
                out.put("states", histogram.toString().replace(" ", ""));
                return true;
            }
            // Nothing moves and nobody has anything to do: what is left waits for a timer (hours) or is stuck.
            if (quiet > STALL_MS && System.currentTimeMillis() - lastChange > STALL_MS) {
                out.put("states", histogram.toString().replace(" ", ""));
                System.out.println("  stalled: nothing moved for " + STALL_MS / 1000 + " s");
                return false;
            }
        }
        out.put("states", last.toString().replace(" ", ""));
        System.out.println("  timed out");
        return false;
    }

    static Map<String, Integer> stateHistogram() {
        Map<String, Integer> histogram = new TreeMap<>();
        for (int page = 0; ; page++) {
            Resp r = call(OPERATOR, "GET", "/api/tenders?size=100&page=" + page, null, Map.of());
            if (r == null || r.status != 200) {
                return null;
            }
            List<Object> items = list(Json.parse(r.body), "items");
            for (Object item : items) {
                histogram.merge(str(item, "state"), 1, Integer::sum);
            }
            if (items.size() < 100) {
                return histogram;
            }
        }
    }

    // --- registration ----------------------------------------------------------------------------------

    static boolean register(int i, LocalDate start, int perSlot, String runId, Path ids) {
        String center = CENTERS.get(i % CENTERS.size());
        String user = "staff-" + center.toLowerCase(Locale.ROOT);
        String section = "CH-" + runId + "-" + i;
        int slot = i / perSlot;
        LocalDate date = start.plusDays(slot / 2);
        String half = slot % 2 == 0 ? "AM" : "PM";
        String body = """
                {"sectionCode":"%s","name":"混沌测试标段 %d","mainCenter":"%s","category":"SERVICES",
                 "estimatedPrice":"9000000.00","evaluationDate":"%s","halfDay":"%s",
                 "committee":{"size":5,"specialties":[{"code":"A01","count":3},{"code":"B02","count":2}]},
                 "regulationRequiresCrossProvince":false,"expertShortageAsserted":false}"""
                .formatted(section, i, center, date, half);
        for (int attempt = 0; attempt < 5 && !stopping; attempt++) {
            Resp r = withPermit(() -> call(user, "POST", "/api/tenders", body, Map.of("Content-Type", "application/json")));
            String id = null;
            String how = null;
            if (r == null) {
                continue;
            }
            if (r.status == 201) {
                id = str(Json.parse(r.body), "id");
                how = "201";
            } else if (r.status == 409) {
                // The first attempt's answer was lost (its node died after the commit): the tender exists.
                Resp found = call(user, "GET", "/api/tenders?q=" + enc(section), null, Map.of());
                List<Object> items = found == null || found.status != 200 ? List.of() : list(Json.parse(found.body), "items");
                for (Object item : items) {
                    if (section.equals(str(item, "sectionCode"))) {
                        id = str(item, "id");
                    }
                }
                how = "409";
            } else {
                error("register." + r.status, section + ": " + r.body);
                sleep(2_000);
                continue;
            }
            if (id != null) {
                count("register." + how);
                lastAction = System.currentTimeMillis();
                String line = String.join(",", String.valueOf(i), section, id, center, date.toString(), half, how) + "\n";
                synchronized (ChaosLoad.class) {
                    try {
                        Files.writeString(ids, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return true;
            }
        }
        error("register.failed", section);
        return false;
    }

    // --- the operator ----------------------------------------------------------------------------------

    /** The latest {@code count} months already ended in business time, oldest first. */
    static List<YearMonth> months(int count) {
        YearMonth current = YearMonth.from(businessNow().toLocalDate());
        List<YearMonth> months = new ArrayList<>();
        for (int i = count; i >= 1; i--) {
            months.add(current.minusMonths(i));
        }
        return months;
    }

    static void startReview(YearMonth month) {
        Resp r = call(OPERATOR, "POST", "/api/reports/monthly/" + month + "/review", "", Map.of());
        if (r != null && (r.status == 201 || r.status == 409)) {
            count("report.review." + r.status);
            lastAction = System.currentTimeMillis();
        } else {
            error("report.review." + (r == null ? "io" : r.status), month + (r == null ? "" : ": " + r.body));
        }
    }

    static boolean submitted(YearMonth month) {
        Resp r = call(OPERATOR, "GET", "/api/reports/monthly/" + month + "/submission", null, Map.of());
        return r != null && r.status == 200;
    }

    // --- the experts -----------------------------------------------------------------------------------

    /** Reads the SMS the gateway stand-ins wrote (every node's file) and answers each invitation once. */
    static final class Experts {
        final List<Path> files;
        final String secret;
        final int declinePct;
        final long[] offsets;
        final Set<String> answered = ConcurrentHashMap.newKeySet();
        final Path answeredFile;

        /** The invitations answered in an earlier phase are in {@code answeredFile}: an expert answers once. */
        Experts(List<String> files, String secret, int declinePct, Path answeredFile) {
            this.files = files.stream().filter(f -> !f.isBlank()).map(Path::of).toList();
            this.secret = secret == null || secret.isBlank() ? null : secret;
            this.declinePct = declinePct;
            this.offsets = new long[this.files.size()];
            this.answeredFile = answeredFile;
            try {
                if (Files.exists(answeredFile)) {
                    answered.addAll(Files.readAllLines(answeredFile));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        synchronized void remember(String key) {
            try {
                Files.writeString(answeredFile, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void run() {
            while (!stopping) {
                boolean any = false;
                for (int f = 0; f < files.size(); f++) {
                    for (String line : newLines(f)) {
                        any |= handle(line);
                    }
                }
                if (!any) {
                    sleep(1_000);
                }
            }
        }

        List<String> newLines(int f) {
            List<String> lines = new ArrayList<>();
            Path file = files.get(f);
            if (!Files.exists(file)) {
                return lines;
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                if (raf.length() <= offsets[f]) {
                    return lines;
                }
                raf.seek(offsets[f]);
                byte[] bytes = new byte[(int) (raf.length() - offsets[f])];
                raf.readFully(bytes);
                int end = lastNewline(bytes);
                if (end < 0) {
                    return lines;
                }
                offsets[f] += end + 1;
                for (String line : new String(bytes, 0, end + 1, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                error("sms.read", e.toString());
            }
            return lines;
        }

        static int lastNewline(byte[] bytes) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        boolean handle(String line) {
            Object sms = Json.parse(line);
            String key = str(sms, "idempotencyKey");
            if (key == null || !key.startsWith("invite:") || !answered.add(key)) {
                return false;
            }
            Matcher code = REPLY_CODE.matcher(str(sms, "text"));
            if (!code.find()) {
                error("sms.nocode", key);
                return false;
            }
            boolean decline = Math.floorMod(key.hashCode(), 100) < declinePct;
            boolean bySms = secret != null && Math.floorMod(key.hashCode() / 100, 2) == 0;
            for (int attempt = 0; attempt < 10 && !stopping; attempt++) {
                String result = bySms ? smsReply(str(sms, "to"), (decline ? "2 " : "1 ") + code.group(1))
                        : answer(code.group(1), decline ? "DECLINE" : "ACCEPT");
                if (result != null) {
                    remember(key);
                    count("expert." + (bySms ? "sms." : "page.") + result);
                    lastAction = System.currentTimeMillis();
                    return true;
                }
                sleep(2_000);
            }
            error("expert.unanswered", key);
            return true;
        }

        String answer(String code, String answer) {
            Resp r = withPermit(() -> call(null, "POST", "/api/expert-invitations/" + code + "/answer",
                    "{\"answer\":\"" + answer + "\"}", Map.of("Content-Type", "application/json")));
            if (r == null) {
                return null;
            }
            if (r.status == 200) {
                return str(Json.parse(r.body), "result");
            }
            // A retry after a lost answer finds the code used; anything else is a finding.
            error("expert.page." + r.status, r.body);
            return r.status == 429 ? null : "HTTP" + r.status;
        }

        String smsReply(String from, String text) {
            String body = "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}";
            // The gateway's clock is the province's: the node checks the timestamp against its business clock.
            long ts = businessNow().toEpochSecond();
            Resp r = withPermit(() -> call(null, "POST", "/api/sms-gateway/replies", body, Map.of("Content-Type",
                    "application/json", "X-Sms-Timestamp", String.valueOf(ts), "X-Sms-Signature", sign(secret, ts, body))));
            if (r == null) {
                return null;
            }
            if (r.status == 200) {
                return str(Json.parse(r.body), "result");
            }
            error("expert.sms." + r.status, r.body);
            return "HTTP" + r.status;
        }
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the staff and supervisors ---------------------------------------------------------------------

    /** One person working through their Tasklist inbox, oldest task first. */
    static final class Worker {
        final String user;
        final String center;
        final Set<String> notMine = ConcurrentHashMap.newKeySet();
        final Map<String, Long> refusedUntil = new ConcurrentHashMap<>();
        final Map<String, Integer> seatsOfSession = new ConcurrentHashMap<>();

        Worker(String user, String center) {
            this.user = user;
            this.center = center;
        }

        void run() {
            long idle = 1_000;
            while (!stopping) {
                Resp r = call(user, "GET", "/engine-rest/task?sortBy=created&sortOrder=asc&maxResults=50", null, Map.of());
                boolean acted = false;
                if (r != null && r.status == 200) {
                    for (Object task : (List<?>) Json.parse(r.body)) {
                        if (stopping) {
                            break;
                        }
                        String id = str(task, "id");
                        if (notMine.contains(id) || refusedUntil.getOrDefault(id, 0L) > System.currentTimeMillis()) {
                            continue;
                        }
                        acted |= withPermit(() -> work(id, str(task, "taskDefinitionKey"))) == Boolean.TRUE;
                    }
                }
                if (acted) {
                    idle = 1_000;
                } else {
                    sleep(idle + ThreadLocalRandom.current().nextLong(500));
                    idle = Math.min(5_000, idle * 2);
                }
            }
        }

        /** @return whether the task was completed (by this call or, lost answer, by an earlier one) */
        Boolean work(String id, String key) {
            Map<String, Object> vars = new LinkedHashMap<>();
            switch (key) {
                case "OpenSession" -> {
                    vars.put("supervisorOnSite", true);
                    vars.put("sessionStartedAt", businessNow().minusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString());
                }
                case "PrepareWorkstations" -> vars.put("workstationsReady", true);
                case "ConnectAudioVideo" -> vars.put("audioVideoConnected", true);
                case "ArrangeMealsAndLodging" -> vars.put("mealsAndLodgingArranged", true);
                case "SignReport" -> vars.put("reportSigned", true);
                case "CollectMissingSignatures" -> vars.put("missingSignaturesCollected", true);
                case "VerifyExpertIdentities" -> {
                    Integer seats = seats(variable(id, "sessionCode"));
                    if (seats == null) {
                        refusedUntil.put(id, System.currentTimeMillis() + 10_000);
                        return false;
                    }
                    vars.put("expertsPresent", (long) seats);
                    vars.put("noShowSeats", "");
                    vars.put("identitiesVerified", true);
                }
                case "HandOverMaterial" -> {
                    String session = variable(id, "sessionCode");
                    if (session == null) {
                        return false;
                    }
                    if (late(session) && System.currentTimeMillis() < lateHoldUntil) {
                        return false;
                    }
                    vars.put("medium", "REMOVABLE_DISK");
                    vars.put("itemCount", 2L);
                    vars.put("sealedItems", "评标室录像1.mp4," + SHA + "\n评标室录像2.mp4," + SHA);
                    vars.put("handedOverAt", businessNow().minusMinutes(2).truncatedTo(ChronoUnit.SECONDS).toString());
                }
                case "ConfirmReceipt" -> {
                    vars.put("checksumsVerified", true);
                    vars.put("receivedAt", businessNow().minusSeconds(30).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString());
                }
                case "HandOverToTenderer" -> {
                    vars.put("medium", "USB_DRIVE");
                    vars.put("itemCount", 1L);
                    vars.put("sealedItems", "全部资料.zip," + SHA);
                    vars.put("sealedTendererReceiver", "招标人张三");
                    vars.put("handedOverAt", businessNow().minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString());
                }
                case "EscalateOverdueHandover", "EscalateLateMonthlyReport" -> vars.put("supervisionAction", "URGED");
                case "ReviewCenterReport" -> {
                    String month = variable(id, "month");
                    String code = variable(id, "centerCode");
                    if (month == null || code == null || !read("/api/reports/monthly/" + month + "/centers/" + code)) {
                        return false;
                    }
                    vars.put("centerRemark", "NONE");
                    vars.put("centerFiguresConfirmed", true);
                }
                case "ReviewProvincialReport" -> {
                    String month = variable(id, "month");
                    if (month == null || !read("/api/reports/monthly/" + month)) {
                        return false;
                    }
                    vars.put("provincialReportConfirmed", true);
                }
                default -> {
                    // ReportIncident stays open all day at every venue; anything else is not part of this run.
                    if (!key.equals("ReportIncident")) {
                        error("task.unhandled." + key, user + " " + id);
                    }
                    notMine.add(id);
                    return false;
                }
            }
            Resp r = call(user, "POST", "/engine-rest/task/" + id + "/submit-form", variables(vars),
                    Map.of("Content-Type", "application/json"));
            if (r == null) {
                return false;
            }
            if (r.status == 204 || r.status == 200) {
                count("task." + key);
                lastAction = System.currentTimeMillis();
                return true;
            }
            if (r.status == 404 || r.body.contains("Cannot find task") || r.body.contains("task is null")) {
                count("task." + key + ".gone");
                return true;
            }
            if (r.status == 403) {
                notMine.add(id);
                return false;
            }
            // An optimistic-locking conflict (two people completing tasks of one instance at once: Tasklist shows
            // the same error; a 409 since the engine REST API names it, a 500 from older jars) or a refusal: try
            // again a little later, and say so.
            boolean conflict = r.body.contains("OptimisticLockingException")
                    || r.body.contains("updated by another transaction concurrently");
            error("task." + key + "." + (conflict ? "conflict" : String.valueOf(r.status)), user + " " + id + ": " + r.body);
            refusedUntil.put(id, System.currentTimeMillis() + 5_000);
            return false;
        }

        String variable(String taskId, String name) {
            Resp r = call(user, "GET", "/engine-rest/task/" + taskId + "/variables/" + name, null, Map.of());
            return r == null || r.status != 200 ? null : str(Json.parse(r.body), "value");
        }

        boolean read(String path) {
            Resp r = call(user, "GET", path, null, Map.of());
            if (r == null || r.status != 200) {
                error("read." + (r == null ? "io" : r.status), user + " " + path);
                return false;
            }
            return true;
        }

        /** The seats booked for the session at this worker's center, from the sessions list its staff see. */
        Integer seats(String session) {
            if (session == null) {
                return null;
            }
            if (!seatsOfSession.containsKey(session)) {
                LocalDate today = businessNow().toLocalDate();
                Resp r = call(user, "GET", "/api/centers/" + center + "/sessions?from=" + today.minusDays(60) + "&to="
                        + today.plusDays(120), null, Map.of());
                if (r == null || r.status != 200) {
                    error("sessions." + (r == null ? "io" : r.status), user);
                    return null;
                }
                for (Object s : (List<?>) Json.parse(r.body)) {
                    seatsOfSession.put(str(s, "sessionCode"), ((Number) ((Map<?, ?>) s).get("seats")).intValue());
                }
            }
            return seatsOfSession.get(session);
        }
    }

    /** Whether the sub-venue of this session keeps its material until the deadline has passed. */
    static boolean late(String sessionCode) {
        return Math.floorMod(sessionCode.hashCode(), 100) < latePct;
    }

    static String variables(Map<String, Object> vars) {
        StringBuilder b = new StringBuilder("{\"variables\":{");
        String sep = "";
        for (Map.Entry<String, Object> e : vars.entrySet()) {
            Object v = e.getValue();
            String type = v instanceof Boolean ? "Boolean" : v instanceof Long ? "Long" : "String";
            String value = v instanceof String s ? Json.quote(s) : String.valueOf(v);
            b.append(sep).append('"').append(e.getKey()).append("\":{\"value\":").append(value).append(",\"type\":\"")
                    .append(type).append("\"}");
            sep = ",";
        }
        return b.append("}}").toString();
    }

    static OffsetDateTime businessNow() {
        return OffsetDateTime.ofInstant(Instant.now().plus(clockOffset), PROVINCE);
    }

    // --- HTTP with fail-over ---------------------------------------------------------------------------

    record Resp(int status, String body) {
    }

    interface Call<T> {
        T get();
    }

    static <T> T withPermit(Call<T> call) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    /**
     * One request, to a node picked at random and to the other one when the first does not answer (down,
     * or killed while it held the request); null when neither answered for {@link #GIVE_UP_MS}.
     */
    static Resp call(String user, String method, String path, String body, Map<String, String> headers) {
        long giveUp = System.currentTimeMillis() + GIVE_UP_MS;
        int node = ThreadLocalRandom.current().nextInt(urls.size());
        while (System.currentTimeMillis() < giveUp) {
            for (int k = 0; k < urls.size(); k++) {
                String url = urls.get((node + k) % urls.size());
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
                if (user != null) {
                    b.header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
                }
                headers.forEach(b::header);
                b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                try {
                    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    return new Resp(r.statusCode(), r.body());
                } catch (IOException e) {
                    failovers.increment();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            sleep(1_000);
        }
        error("http.gaveup", method + " " + path);
        return null;
    }

    // --- bookkeeping -----------------------------------------------------------------------------------

    static void count(String what) {
        done.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    static void error(String what, String detail) {
        LongAdder seen = errors.computeIfAbsent(what, k -> new LongAdder());
        seen.increment();
        if (seen.sum() <= 3 && printedErrors.incrementAndGet() <= 60) {
            String d = detail == null ? "" : detail.replace('\n', ' ');
            System.out.println("  ! " + what + " " + (d.length() > 300 ? d.substring(0, 300) + "…" : d));
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }

    static String str(Object json, String field) {
        Object v = json instanceof Map<?, ?> m ? m.get(field) : null;
        return v == null ? null : v.toString();
    }

    static List<Object> list(Object json, String field) {
        Object v = json instanceof Map<?, ?> m ? m.get(field) : null;
        @SuppressWarnings("unchecked")
        List<Object> l = v instanceof List<?> ? (List<Object>) v : List.of();
        return l;
    }

}
