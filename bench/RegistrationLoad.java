import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load driver for {@code POST /api/tenders} and the ceiling {@code noop}: {@code GET /api/me}, the
 * cheapest authenticated endpoint (same container and HTTP Basic authentication, no body, no work behind it).
 * Issue 17 removed the bench-only {@code POST /api/bench/noop} it replaces.
 * Single file, JDK only:
 *
 * <pre>
 * java bench/RegistrationLoad.java --base-url http://127.0.0.1:18080 [--threads 8] [--warmup 60] [--warmup-noop 10]
 *      [--duration 30] [--user staff-hrb] [--password staff-hrb] [--run-id ID] [--label H2] [--endpoints tenders,noop]
 *      [--out file]
 * </pre>
 *
 * Each of the N threads sends one request at a time and waits for the answer (no think time). For
 * every endpoint the threads first run the warm-up (not recorded; {@code --warmup}, or
 * {@code --warmup-<endpoint>} for one endpoint), then the measured phase; a request counts in the
 * measured phase when it starts inside it. Latencies are kept per thread in a
 * {@code long[]} (microseconds) and sorted at the end: no histogram library.
 */
public class RegistrationLoad {

    record Endpoint(String name, String path, int expectedStatus, boolean post) {
    }

    static final Map<String, Endpoint> ENDPOINTS = Map.of(
            "tenders", new Endpoint("tenders", "/api/tenders", 201, true),
            "noop", new Endpoint("noop", "/api/me", 200, false));

    /** The mix: a quarter each. Prices chosen against bpmn/scope-decision.dmn and config/rollout.csv. */
    static final String[][] MIX = {
            // category, estimatedPrice, epcParts (or null), expected outcome
            {"SERVICES", "9000000.00", null, "INTRA_PROVINCE/REMOTE"},
            {"CONSTRUCTION", "150000000.00", null, "CROSS_PROVINCE"},
            {"GOODS", "5000000.00", null, "INTRA_PROVINCE/NOT_IN_ROLLOUT"},
            {"EPC", "3000000.00", "{\"construction\":\"2000000.00\",\"goods\":\"500000.00\",\"services\":\"500000.00\"}",
                    "INTRA_PROVINCE/NOT_IN_ROLLOUT"},
    };

    static final Pattern SCOPE = Pattern.compile("\"scope\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern ROLLOUT = Pattern.compile("\"rollout\"\\s*:\\s*\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        String baseUrl = opts.getOrDefault("base-url", "http://127.0.0.1:8080");
        int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "60"));
        int duration = Integer.parseInt(opts.getOrDefault("duration", "30"));
        String user = opts.getOrDefault("user", "staff-hrb");
        String password = opts.getOrDefault("password", user);
        String runId = opts.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));
        String label = opts.getOrDefault("label", "app");
        String out = opts.get("out");
        List<String> endpoints = Arrays.asList(opts.getOrDefault("endpoints", "tenders,noop").split(","));

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String evaluationDate = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();

        System.out.printf(Locale.ROOT, "[%s] %s, %d threads, warm-up %d s, measured %d s, run id %s, evaluationDate %s%n",
                label, baseUrl, threads, warmup, duration, runId, evaluationDate);

        Map<String, String> results = new LinkedHashMap<>();
        AtomicLong sequence = new AtomicLong();
        for (String name : endpoints) {
            Endpoint endpoint = ENDPOINTS.get(name.strip());
            if (endpoint == null) {
                throw new IllegalArgumentException("unknown endpoint " + name + "; known: " + ENDPOINTS.keySet());
            }
            int endpointWarmup = Integer.parseInt(opts.getOrDefault("warmup-" + endpoint.name(), Integer.toString(warmup)));
            Phase phase = run(client, auth, baseUrl, endpoint, threads, endpointWarmup, duration, runId, evaluationDate,
                    sequence);
            phase.print(label);
            phase.export(results);
        }
        if (out != null) {
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8))) {
                results.forEach((k, v) -> writer.println(k + "=" + v));
            }
        }
    }

    static String body(String runId, long n, String evaluationDate) {
        String[] mix = MIX[(int) (n % MIX.length)];
        StringBuilder json = new StringBuilder(400)
                .append("{\"sectionCode\":\"BENCH-").append(runId).append('-').append(n).append('"')
                .append(",\"name\":\"基准测试标段\",\"mainCenter\":\"HRB\"")
                .append(",\"category\":\"").append(mix[0]).append('"')
                .append(",\"estimatedPrice\":\"").append(mix[1]).append('"');
        if (mix[2] != null) {
            json.append(",\"epcParts\":").append(mix[2]);
        }
        return json.append(",\"evaluationDate\":\"").append(evaluationDate).append('"')
                .append(",\"halfDay\":\"AM\"")
                .append(",\"committee\":{\"size\":5,\"specialties\":[{\"code\":\"A01\",\"count\":3},{\"code\":\"B02\",\"count\":2}]}")
                .append(",\"regulationRequiresCrossProvince\":false,\"expertShortageAsserted\":false}")
                .toString();
    }

    static Phase run(HttpClient client, String auth, String baseUrl, Endpoint endpoint, int threads, int warmup,
            int duration, String runId, String evaluationDate, AtomicLong sequence) throws InterruptedException {
        URI uri = URI.create(baseUrl + endpoint.path());
        Phase phase = new Phase(endpoint, threads, duration);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] bounds = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                long[] latencies = new long[4096];
                int count = 0;
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long measureStart = bounds[0];
                long measureEnd = bounds[1];
                while (true) {
                    long n = sequence.incrementAndGet();
                    String json = body(runId, n, evaluationDate);
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .method(endpoint.post() ? "POST" : "GET", endpoint.post()
                                    ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
                                    : HttpRequest.BodyPublishers.noBody())
                            .build();
                    long start = System.nanoTime();
                    if (start >= measureEnd) {
                        break;
                    }
                    boolean measured = start >= measureStart;
                    int status;
                    String responseBody;
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        responseBody = response.body();
                    } catch (IOException e) {
                        status = -1;
                        responseBody = e.toString();
                    } catch (InterruptedException e) {
                        return;
                    }
                    long micros = (System.nanoTime() - start) / 1_000;
                    if (status != endpoint.expectedStatus()) {
                        phase.error(measured, status, responseBody);
                    } else if (measured && endpoint.expectedStatus() == 201) {
                        phase.outcome(responseBody);
                    }
                    if (measured) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = micros;
                    }
                }
                phase.latencies[index] = Arrays.copyOf(latencies, count);
            }, "load-" + endpoint.name() + "-" + t);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        long now = System.nanoTime();
        bounds[0] = now + warmup * 1_000_000_000L;
        bounds[1] = bounds[0] + duration * 1_000_000_000L;
        System.out.printf(Locale.ROOT, "  %s: warm-up %d s, then measuring %d s ...%n", endpoint.path(), warmup, duration);
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        phase.elapsedNanos = System.nanoTime() - bounds[0];
        return phase;
    }

    static final class Phase {
        final Endpoint endpoint;
        final long[][] latencies;
        final int duration;
        long elapsedNanos;
        final LongAdder warmupErrors = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final List<String> firstErrors = new ArrayList<>();

        Phase(Endpoint endpoint, int threads, int duration) {
            this.endpoint = endpoint;
            this.latencies = new long[threads][];
            this.duration = duration;
        }

        void error(boolean measured, int status, String body) {
            (measured ? errors : warmupErrors).increment();
            statuses.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
            synchronized (firstErrors) {
                if (firstErrors.size() < 5) {
                    String text = body == null ? "" : body.replaceAll("\\s+", " ");
                    firstErrors.add("HTTP " + status + (measured ? "" : " (warm-up)") + ": "
                            + (text.length() > 600 ? text.substring(0, 600) + "..." : text));
                }
            }
        }

        void outcome(String body) {
            Matcher scope = SCOPE.matcher(body);
            Matcher rollout = ROLLOUT.matcher(body);
            String key = (scope.find() ? scope.group(1) : "?") + (rollout.find() ? "/" + rollout.group(1) : "");
            outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        long[] sorted() {
            int total = 0;
            for (long[] l : latencies) {
                total += l == null ? 0 : l.length;
            }
            long[] all = new long[total];
            int at = 0;
            for (long[] l : latencies) {
                if (l != null) {
                    System.arraycopy(l, 0, all, at, l.length);
                    at += l.length;
                }
            }
            Arrays.sort(all);
            return all;
        }

        static double percentileMs(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1000.0;
        }

        void print(String label) {
            long[] all = sorted();
            double seconds = Math.max(elapsedNanos, 1) / 1e9;
            System.out.printf(Locale.ROOT,
                    "  [%s] %-4s %-16s %7d req in %.1f s = %8.1f req/s | ms p50 %7.2f p90 %7.2f p99 %7.2f max %8.2f | errors %d (warm-up errors %d)%n",
                    label, endpoint.post() ? "POST" : "GET", endpoint.path(), all.length, seconds, all.length / seconds, percentileMs(all, 50),
                    percentileMs(all, 90), percentileMs(all, 99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1000.0,
                    errors.sum(), warmupErrors.sum());
            if (!outcomes.isEmpty()) {
                System.out.println("    outcomes (scope/rollout) of measured 201s: " + new TreeMap<>(outcomes));
            }
            if (!statuses.isEmpty()) {
                System.out.println("    unexpected statuses: " + new TreeMap<>(statuses));
                synchronized (firstErrors) {
                    firstErrors.forEach(e -> System.out.println("    " + e));
                }
            }
        }

        void export(Map<String, String> out) {
            long[] all = sorted();
            double seconds = Math.max(elapsedNanos, 1) / 1e9;
            String p = endpoint.name() + ".";
            out.put(p + "requests", Long.toString(all.length));
            out.put(p + "seconds", String.format(Locale.ROOT, "%.2f", seconds));
            out.put(p + "rps", String.format(Locale.ROOT, "%.1f", all.length / seconds));
            out.put(p + "p50", String.format(Locale.ROOT, "%.2f", percentileMs(all, 50)));
            out.put(p + "p90", String.format(Locale.ROOT, "%.2f", percentileMs(all, 90)));
            out.put(p + "p99", String.format(Locale.ROOT, "%.2f", percentileMs(all, 99)));
            out.put(p + "max", String.format(Locale.ROOT, "%.2f", all.length == 0 ? Double.NaN : all[all.length - 1] / 1000.0));
            out.put(p + "errors", Long.toString(errors.sum()));
            out.put(p + "warmupErrors", Long.toString(warmupErrors.sum()));
            out.put(p + "outcomes", new TreeMap<>(outcomes).toString().replace(" ", ""));
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println("usage: java bench/RegistrationLoad.java --base-url URL [--threads 8] [--warmup 60]"
                        + " [--warmup-tenders S] [--warmup-noop S] [--duration 30] [--user staff-hrb] [--password staff-hrb] [--run-id ID] [--label NAME]"
                        + " [--endpoints tenders,noop] [--out results.properties]");
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            opts.put(key, value);
        }
        return opts;
    }
}
