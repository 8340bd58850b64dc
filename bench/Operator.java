import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmark drivers do as the operator ({@code demo}), through the application's public
 * interfaces only (issue 17: no benchmark code in the application): the lifecycle's pending jobs
 * through the engine REST API, and the application's Micrometer timers from {@code /actuator/prometheus}.
 * Compiled together with the driver that uses it ({@code javac -d DIR bench/VenueDrawLoad.java bench/Operator.java}).
 *
 * <p>Each method takes the driver's own HTTP call ({@link Http}).
 */
final class Operator {

    /** A flat JSON object (Camunda's job and process instance lists hold no nested object but empty links). */
    static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern INSTANCE = Pattern.compile("\"processInstanceId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern BUSINESS_KEY = Pattern.compile("\"businessKey\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+)");
    static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private Operator() {
    }

    /** The driver's HTTP call as the operator: the answer's body, or {@code null} for a status other than 2xx. */
    interface Http {
        String call(String method, String path, String jsonBody);
    }

    /** Calls as the demo operator ({@code demo}, camunda-admin and operator: see README.md's accounts). */
    static Http demo(String baseUrl) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
        return (method, path, body) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() / 100 == 2 ? response.body() : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        };
    }

    /**
     * The pending jobs of a lifecycle activity ({@code GET /engine-rest/job}), each as the tender id (the
     * process business key, from {@code POST /engine-rest/process-instance}) to the job id.
     */
    static Map<String, String> pendingJobs(Http http, String process, String activity) {
        String jobs = http.call("GET", "/engine-rest/job?processDefinitionKey=" + process + "&activityId=" + activity, null);
        if (jobs == null) {
            throw new IllegalStateException("GET /engine-rest/job failed");
        }
        Map<String, String> jobOfInstance = new LinkedHashMap<>();
        for (Matcher m = OBJECT.matcher(jobs); m.find();) {
            jobOfInstance.put(group(INSTANCE, m.group()), group(ID, m.group()));
        }
        Map<String, String> jobOfTender = new LinkedHashMap<>();
        if (jobOfInstance.isEmpty()) {
            return jobOfTender;
        }
        String instances = http.call("POST", "/engine-rest/process-instance",
                "{\"processInstanceIds\":[\"" + String.join("\",\"", jobOfInstance.keySet()) + "\"]}");
        if (instances == null) {
            throw new IllegalStateException("POST /engine-rest/process-instance failed");
        }
        for (Matcher m = OBJECT.matcher(instances); m.find();) {
            jobOfTender.put(group(BUSINESS_KEY, m.group()), jobOfInstance.get(group(ID, m.group())));
        }
        return jobOfTender;
    }

    /** The engine REST path that executes one job in the request thread, as the job executor would run it. */
    static String executePath(String jobId) {
        return "/engine-rest/job/" + jobId + "/execute";
    }

    /** The samples of one metric family on {@code /actuator/prometheus}: "name{labels}" to value. */
    static Map<String, Double> scrape(Http http, String family) {
        String text = http.call("GET", "/actuator/prometheus", null);
        Map<String, Double> samples = new TreeMap<>();
        if (text == null) {
            return samples;
        }
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find() && m.group(1).startsWith(family)) {
                samples.put(m.group(1) + "{" + (m.group(3) == null ? "" : m.group(3)) + "}", Double.parseDouble(m.group(4)));
            }
        }
        return samples;
    }

    /**
     * A timer's recordings between two scrapes, over all its tags whose labels contain {@code filter}:
     * count, mean, and p50/p95/p99 as the upper bound of the histogram bucket they fall in (ms).
     */
    static Map<String, String> timerBetween(Map<String, Double> before, Map<String, Double> after, String family,
            String filter) {
        double count = 0;
        double sum = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            String key = e.getKey();
            if (!key.contains(filter)) {
                continue;
            }
            double delta = e.getValue() - before.getOrDefault(key, 0.0);
            if (key.startsWith(family + "_count{")) {
                count += delta;
            } else if (key.startsWith(family + "_sum{")) {
                sum += delta;
            } else if (key.startsWith(family + "_bucket{")) {
                String le = group(LE, key);
                buckets.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), delta, Double::sum);
            }
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("count", String.format(Locale.ROOT, "%.0f", count));
        figures.put("mean", count == 0 ? "-" : String.format(Locale.ROOT, "%.1f", sum * 1000 / count));
        for (int q : new int[] {50, 95, 99}) {
            figures.put("p" + q, count == 0 ? "-" : bucketUpperBound(buckets, count * q / 100.0));
        }
        return figures;
    }

    private static String bucketUpperBound(TreeMap<Double, Double> cumulative, double rank) {
        List<Map.Entry<Double, Double>> entries = new ArrayList<>(cumulative.entrySet());
        for (Map.Entry<Double, Double> e : entries) {
            if (e.getValue() >= rank) {
                return e.getKey().isInfinite() ? ">max bucket" : String.format(Locale.ROOT, "%.1f", e.getKey() * 1000);
            }
        }
        return "-";
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
