package cn.hlj.remoteeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.TaskRestService;
import org.camunda.bpm.engine.rest.sub.task.TaskResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.FreshDatabase;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Bad input is never a 5xx (issue 17): at least 10,000 generated requests against every {@code /api}
 * endpoint the running application maps (read from its handler mapping, so that a new endpoint is
 * fuzzed without touching this test), its uploads, and the engine REST API's task resources (read
 * from Camunda's JAX-RS interfaces), as every kind of account and as nobody. Every answer must be
 * below 500; every 4xx of {@code /api} must be {@code application/problem+json} with a detail; a
 * rejected request must change no row of the application's or Camunda's tables.
 *
 * <p>It runs in Maven executions of its own ({@code it-fuzz-h2}, {@code it-fuzz-mariadb}): a JVM and a
 * database that is empty when the context starts, so that what the fixed seed generates does not
 * depend on what other tests left behind. The seed is fixed so that a failure is reproducible; {@code -Dfuzz.seed=random} explores (the seed
 * used is printed), {@code -Dfuzz.seed=<n>} replays and {@code -Dfuzz.requests=<n>} scales the run.
 * Values come from jqwik's generators, driven by that seed.
 */
@RemoteEvalIntegrationTest
@Tag("fuzz")
class ApiFuzzIntegrationTest {

    private static final long DEFAULT_SEED = 17_2026_12_07L;
    private static final int DEFAULT_REQUESTS = 10_000;

    /** Who sends: every role of the demo accounts, nobody, and a wrong password. */
    private static final List<String> USERS = List.of("demo", "pool-admin", "staff-hrb", "staff-qqhr", "staff-prov",
            "supervisor-hrb", "drc", "tenderer", "", "nobody-wrong-password");

    private static final List<String> RAW_SEGMENTS = List.of("0", "1", "-1", "2026", "HRB", "abc", "null",
            "99999999999999999999999", "1e5", "%20", "%E4%B8%AD%E6%96%87", "a%2Fb", "..", "%2E%2E", "%25", "%00",
            "%C0%AE", "%FF%FE", "%zz", "%", "x;y=1", "%3B", "'%20OR%201=1", "A".repeat(300), "0".repeat(9000),
            "00000000-0000-0000-0000-000000000000", "2026-13-45", "%E2%80%AE");

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json;charset=UTF-8", "application/json;charset=GBK", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
            "text/csv", "application/octet-stream", "*/*", "application/json; charset=nonsense", "garbage");

    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "application/problem+json",
            "application/xml", "text/html", "image/png", "application/json;q=0, text/plain");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void startFromAnEmptyDatabase(DynamicPropertyRegistry registry) {
        FreshDatabase.recreateOnce();
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private Api api;

    @Autowired
    private TaskService tasks;

    @Autowired
    private RuntimeService runtime;

    @Value("${spring.servlet.multipart.max-request-size}")
    private DataSize uploadLimit;

    private static final Arbitrary<String> ANY_TEXT = Arbitraries.strings().all().ofMaxLength(40);
    private static final Arbitrary<String> SEGMENT_TEXT = Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
    private static final Arbitrary<String> HAN_TEXT = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(20);
    private static final Arbitrary<String> NAME = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
    private static final Arbitrary<String> CODE = Arbitraries.strings().alpha().numeric().withChars('-', '_')
            .ofMinLength(1).ofMaxLength(24);
    private static final Arbitrary<Integer> SMALL = Arbitraries.integers().between(-5, 5000);
    private static final Arbitrary<BigDecimal> AMOUNT = Arbitraries.bigDecimals()
            .between(new BigDecimal("-1000000000000"), new BigDecimal("1000000000000")).ofScale(2);

    private Random random;
    private final Map<Arbitrary<?>, Iterator<?>> samples = new IdentityHashMap<>();
    /** Ids seen in answers: used only to read, so that no fuzzed write touches another test's data. */
    private final Set<String> seenIds = new LinkedHashSet<>();
    /** Ids of what this test created itself: used everywhere. */
    private final Set<String> ownIds = new LinkedHashSet<>();
    private final List<String> ownTasks = new ArrayList<>();
    private final List<String> ownInstances = new ArrayList<>();
    private int unsettledWaits;

    @Test
    void noGeneratedRequestIsAnsweredWithA5xxChangesRowsWhenRefusedOrIsAnswered4xxWithoutAProblem() throws Exception {
        String seedProperty = System.getProperty("fuzz.seed", "");
        long seed = seedProperty.isBlank() ? DEFAULT_SEED
                : seedProperty.equals("random") ? new Random().nextLong() : Long.parseLong(seedProperty);
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("ApiFuzzIntegrationTest: seed " + seed + " (-Dfuzz.seed=" + seed + " replays), "
                + requests + " requests");
        // jqwik's generators draw from the thread's source of randomness; seeding it makes them and every
        // choice here one reproducible sequence (a jqwik property cannot host a Spring Boot test).
        random = SourceOfRandomness.create(Long.toString(seed));

        List<Endpoint> apiEndpoints = apiEndpoints();
        List<Endpoint> uploadEndpoints = apiEndpoints.stream().filter(Endpoint::upload).toList();
        List<Endpoint> engineEndpoints = engineTaskEndpoints();
        assertThat(apiEndpoints).as("the /api endpoints of the running application").hasSizeGreaterThan(40);
        assertThat(uploadEndpoints).as("the upload endpoints").hasSizeGreaterThanOrEqualTo(3);
        assertThat(engineEndpoints).as("the engine REST task endpoints").hasSizeGreaterThan(20);
        createOwnData();

        RawHttp http = new RawHttp(port);
        FuzzUploads uploads = new FuzzUploads(uploadLimit.toBytes());
        TableChecksum checksum = new TableChecksum(dataSource);
        Map<String, String> baseline = checksum.snapshot();

        List<String> offenders = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Set<String> endpointsHit = new LinkedHashSet<>();
        int rejectedChecked = 0;
        int ambiguousWindows = 0;
        int unsettled = 0;
        long started = System.nanoTime();
        long sendNanos = 0;
        int lastAccepted = Integer.MIN_VALUE / 2;
        long checkNanos = 0;
        for (int i = 0; i < requests; i++) {
            if (i % 1000 == 0) {
                refreshOwnTasks();
            }
            int kind = random.nextInt(100);
            Fuzzed fuzzed;
            if (kind < 55) {
                fuzzed = apiRequest(pick(apiEndpoints), uploads);
            } else if (kind < 63) {
                fuzzed = apiRequest(pick(uploadEndpoints), uploads);
            } else if (kind < 93) {
                fuzzed = engineRequest(pick(engineEndpoints));
            } else {
                fuzzed = lowLevelRequest();
            }
            endpointsHit.add(fuzzed.endpoint());
            long sending = System.nanoTime();
            RawHttp.Response response = http.send(fuzzed.request());
            sendNanos += System.nanoTime() - sending;
            statuses.merge(response.status() / 100 + "xx", 1, Integer::sum);
            if (response.status() < 400) {
                lastAccepted = i;
                if (!quiesce()) {
                    unsettled++;
                }
            }
            harvestIds(fuzzed, response);
            String problem = judge(fuzzed, response);
            if (problem != null) {
                offenders.add(problem);
            }
            {
                long checking = System.nanoTime();
                Map<String, String> after = checksum.snapshot();
                checkNanos += System.nanoTime() - checking;
                Set<String> changed = TableChecksum.changed(baseline, after);
                baseline = after;
                if (response.status() >= 400 && !changed.isEmpty() && !recordedRefusal(fuzzed, changed)) {
                    // An accepted request just before may still be writing (its after-commit audit runs
                    // asynchronously): the change is not the refusal's for sure.
                    if (changed.stream().anyMatch(TableChecksum::isBackground) || i - lastAccepted <= 3) {
                        ambiguousWindows++;
                    } else {
                        offenders.add("rows changed by a refused request (" + response.status() + ", tables " + changed
                                + "): " + fuzzed.summary());
                    }
                } else if (response.status() >= 400) {
                    rejectedChecked++;
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("ApiFuzzIntegrationTest: " + requests + " requests in " + seconds + " s, seed " + seed
                + ", answers " + statuses + ", " + endpointsHit.size() + " endpoints, " + rejectedChecked
                + " refusals checked against " + checksum.tableCount() + " tables, " + ambiguousWindows
                + " windows with background writes, " + unsettled + " accepted requests whose background work did not settle, "
                + offenders.size() + " offenders; sending "
                + sendNanos / 1_000_000_000L + " s, row checks " + checkNanos / 1_000_000_000L + " s");

        assertThat(offenders).as("offenders of seed " + seed + " (method, path, body summary)").isEmpty();
        assertThat(statuses.getOrDefault("4xx", 0)).as("refusals").isGreaterThan(requests / 2);
        assertThat(statuses.getOrDefault("2xx", 0)).as("accepted requests (the fuzzer reaches past the gate)")
                .isGreaterThan(requests / 50);
        assertThat(ambiguousWindows).as("refusals whose row check background writes made ambiguous")
                .isLessThan(Math.max(10, rejectedChecked / 20));
        assertThat(endpointsHit).as("every endpoint was fuzzed")
                .containsAll(apiEndpoints.stream().map(Endpoint::key).toList())
                .containsAll(engineEndpoints.stream().map(Endpoint::key).toList());
    }

    /**
     * Waits until what an accepted request set off in the background is done: module events still to be
     * handled, engine jobs already due and expert imports still running (their outcome is audited when
     * they end). A refusal's row check that follows then sees the refusal's writes only, however slow the
     * machine; answers whether it settled. After three waits that did not settle, it waits 2 s instead of 20 s.
     */
    private boolean quiesce() throws InterruptedException {
        long giveUp = System.nanoTime() + (unsettledWaits >= 3 ? 2_000_000_000L : 20_000_000_000L);
        while (System.nanoTime() < giveUp) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement pending = connection.prepareStatement("SELECT "
                            + "(SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL) + (SELECT COUNT(*) "
                            + "FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?))"
                            + " + (SELECT COUNT(*) FROM expert_import WHERE state = 'RUNNING')")) {
                pending.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
                try (ResultSet result = pending.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        return true;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(20);
        }
        unsettledWaits++;
        return false;
    }

    /**
     * The one refusal that keeps a record by design: an expert import whose rows are wrong (422) is
     * stored with its errors and audited, and the answer names it by its id so that the pool
     * administrator can read the errors again; no expert changes.
     */
    private static boolean recordedRefusal(Fuzzed fuzzed, Set<String> changed) {
        return fuzzed.request().target().startsWith("/api/experts/import") && changed.stream()
                .allMatch(table -> table.equalsIgnoreCase("EXPERT_IMPORT") || table.equalsIgnoreCase("AUDIT_ENTRY"));
    }

    private static final Pattern ID_IN_ANSWER = Pattern.compile("\"(?:id|[a-z]+Id)\"\\s*:\\s*\"?([A-Za-z0-9-]{1,64})");

    /** Ids in successful reads, so that later reads reach existing records. */
    private void harvestIds(Fuzzed fuzzed, RawHttp.Response response) {
        if (response.status() != 200 || !"GET".equals(fuzzed.request().method()) || seenIds.size() > 300) {
            return;
        }
        Matcher m = ID_IN_ANSWER.matcher(response.text());
        for (int found = 0; m.find() && found < 5; found++) {
            seenIds.add(m.group(1));
        }
    }

    /** The offence of one answer, or null. */
    private static String judge(Fuzzed fuzzed, RawHttp.Response response) {
        int status = response.status();
        if (status == 0 || status >= 500) {
            return (status == 0 ? "no answer" : String.valueOf(status)) + " " + fuzzed.summary() + " → "
                    + abbreviate(response.text(), 300);
        }
        if (status >= 400 && fuzzed.request().target().startsWith("/api") && !"HEAD".equals(fuzzed.request().method())) {
            if (!response.contentType().startsWith("application/problem+json")) {
                return status + " without problem+json (" + response.contentType() + ") " + fuzzed.summary() + " → "
                        + abbreviate(response.text(), 200);
            }
            if (!response.text().matches("(?s).*\"detail\"\\s*:\\s*\"[^\"]+\".*")) {
                return status + " problem without detail " + fuzzed.summary() + " → " + abbreviate(response.text(), 200);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- endpoints

    /** One operation: its method and path pattern, what it reads from the path and query, and its body. */
    record Endpoint(String method, String pattern, List<String> pathVariables, List<String> queryParams,
            JavaType bodyType, List<String> parts) {

        boolean upload() {
            return !parts.isEmpty();
        }

        String key() {
            return method + " " + pattern;
        }
    }

    private List<Endpoint> apiEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<String> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.addAll(List.of("GET", "POST"));
            }
            List<String> pathVariables = new ArrayList<>();
            List<String> query = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            JavaType body = null;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter = parameter.withContainingClass(handler.getBeanType());
                String name = parameter.getParameterName();
                if (parameter.hasParameterAnnotation(PathVariable.class)) {
                    pathVariables.add(name);
                } else if (parameter.hasParameterAnnotation(RequestPart.class)
                        || MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                    String partName = part != null && !part.name().isEmpty() ? part.name()
                            : param != null && !param.name().isEmpty() ? param.name() : name;
                    parts.add(partName);
                } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    query.add(!param.name().isEmpty() ? param.name() : name);
                } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = json.constructType(parameter.getGenericParameterType());
                }
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (String method : methods) {
                    endpoints.add(new Endpoint(method, pattern, pathVariables, query, body, parts));
                }
            }
        }
        return endpoints;
    }

    /** The task resources of Camunda's REST API, read from its JAX-RS interfaces (sub-resources included). */
    private List<Endpoint> engineTaskEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        collect(TaskRestService.class, "/engine-rest/task", endpoints, 0);
        collect(TaskResource.class, "/engine-rest/task/{id}", endpoints, 0);
        return endpoints;
    }

    private void collect(Class<?> resource, String prefix, List<Endpoint> endpoints, int depth) {
        for (Method method : resource.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            String pattern = prefix + (path == null ? "" : path.value().startsWith("/") ? path.value() : "/" + path.value());
            String http = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                    : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
            if (http == null) {
                if (path != null && depth < 2 && !method.getReturnType().getName().startsWith("java.")) {
                    collect(method.getReturnType(), pattern, endpoints, depth + 1);
                }
                continue;
            }
            List<String> query = new ArrayList<>();
            JavaType body = null;
            for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(QueryParam.class)) {
                    query.add(parameter.getAnnotation(QueryParam.class).value());
                } else if (parameter.getAnnotations().length == 0
                        && !parameter.getType().getName().startsWith("jakarta.")
                        && !parameter.getType().getName().startsWith("org.camunda.bpm.engine.rest.mapper")) {
                    body = json.constructType(parameter.getParameterizedType());
                } else if (!parameter.isAnnotationPresent(PathParam.class)
                        && parameter.getType().getSimpleName().contains("MultipartFormData")) {
                    body = null;
                }
            }
            List<String> variables = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}:]+)").matcher(pattern);
            while (m.find()) {
                variables.add(m.group(1));
            }
            endpoints.add(new Endpoint(http, pattern, variables, query, body, List.of()));
        }
    }

    // ---------------------------------------------------------------- own data

    /**
     * Two tenders and two capacity reviews (a deployed form with a Boolean field, offered to staff-prov)
     * of this test, so that the engine REST fuzzing has tasks and processes of its own.
     */
    private void createOwnData() throws Exception {
        for (int i = 0; i < 2; i++) {
            JsonNode tender = api.register(TenderBody.valid());
            ownIds.add(tender.get("id").asText());
            ownInstances.add(runtime.createProcessInstanceByKey("cross-province-capacity-check")
                    .startBeforeActivity("ReviewCrossProvinceCapacity").setVariable("shortfallCount", 1)
                    .setVariable("shortfallReport", "fuzz").execute().getId());
        }
        refreshOwnTasks();
    }

    private void refreshOwnTasks() {
        ownTasks.clear();
        for (String tender : ownIds) {
            tasks.createTaskQuery().processInstanceBusinessKey(tender).orderByTaskName().asc().orderByTaskCreateTime().asc()
                    .list().forEach(t -> ownTasks.add(t.getId()));
        }
        tasks.createTaskQuery().processInstanceIdIn(ownInstances.toArray(String[]::new)).orderByTaskName().asc()
                .orderByTaskCreateTime().asc().list().forEach(t -> ownTasks.add(t.getId()));
    }

    // ---------------------------------------------------------------- requests

    record Fuzzed(String endpoint, RawHttp.Request request, String bodySummary) {

        String summary() {
            return request.method() + " " + abbreviate(request.target(), 160) + " as "
                    + request.headers().getOrDefault("X-Fuzz-User", "?") + " [" + request.headers().get("Content-Type")
                    + "] " + bodySummary;
        }
    }

    private Fuzzed apiRequest(Endpoint endpoint, FuzzUploads uploads) throws Exception {
        // No TRACE: it is refused with an empty 400 before the application's error handling can answer it
        // (left alone, see the report).
        String method = random.nextInt(25) == 0 ? pick(List.of("PATCH", "OPTIONS", "HEAD", "DELETE", "PUT"))
                : endpoint.method();
        boolean reading = "GET".equals(method);
        String target = expand(endpoint.pattern(), reading) + query(endpoint.queryParams(), reading);
        RawHttp.Request request = RawHttp.Request.of(method, target);
        String summary = "";
        if (endpoint.upload() && !"TRACE".equals(method) && random.nextInt(5) != 0) {
            FuzzUploads.Upload upload = uploads.next(random);
            String part = random.nextInt(10) == 0 ? "wrong" : pick(endpoint.parts());
            request = multipart(request, part, upload);
            summary = upload.kind() + " " + upload.content().length + " B as part " + part;
        } else if (!reading && !"HEAD".equals(method) && !"OPTIONS".equals(method)
                // Tomcat's HTTP processor refuses a TRACE with a body before any valve or servlet can answer.
                && !"TRACE".equals(method)) {
            Body body = body(endpoint.bodyType());
            request = request.body(body.contentType(), body.bytes());
            summary = body.summary();
        }
        return new Fuzzed(endpoint.key(), as(request), summary);
    }

    private Fuzzed engineRequest(Endpoint endpoint) {
        boolean reading = "GET".equals(endpoint.method());
        String target = expand(endpoint.pattern(), reading) + query(endpoint.queryParams(), reading);
        RawHttp.Request request = RawHttp.Request.of(endpoint.method(), target);
        String summary = "";
        if (!reading && !"DELETE".equals(endpoint.method())) {
            Body body = endpoint.pattern().endsWith("/complete") || endpoint.pattern().endsWith("/submit-form")
                    || endpoint.pattern().endsWith("/resolve") || endpoint.pattern().endsWith("/variables")
                    || endpoint.pattern().endsWith("/localVariables") ? variablesBody() : body(endpoint.bodyType());
            request = request.body(body.contentType(), body.bytes());
            summary = body.summary();
        }
        return new Fuzzed(endpoint.key(), as(request), summary);
    }

    /** What a client library would never send: broken escapes, raw bytes, huge headers, odd methods. */
    private Fuzzed lowLevelRequest() {
        String base = pick(List.of("/api/tenders", "/api/experts", "/engine-rest/task", "/api/calendar/years"));
        RawHttp.Request request = switch (random.nextInt(12)) {
            case 0 -> RawHttp.Request.of("GET", base + "/%zz");
            case 1 -> RawHttp.Request.of("GET", base + "/\u00e4\u00b8\u00ad");
            case 2 -> RawHttp.Request.of("GET", base + "/..%2F..%2Fetc%2Fpasswd");
            case 3 -> RawHttp.Request.of("GET", base + "/%2e%2e/%2e%2e/actuator");
            case 4 -> RawHttp.Request.of("GET", base + "//double//slash");
            case 5 -> RawHttp.Request.of("GET", base + ";jsessionid=123");
            case 6 -> RawHttp.Request.of("GET", base).header("X-Big", "a".repeat(20_000));
            case 7 -> RawHttp.Request.of("GET", base + "?" + "q=" + "b".repeat(12_000));
            case 8 -> RawHttp.Request.of("GET", base + "/%5C..%5C");
            case 9 -> RawHttp.Request.of("POST", base).body("application/json", new byte[] { '{', '"', (byte) 0xC3,
                    (byte) 0x28, '"', ':', '1', '}' });
            case 10 -> RawHttp.Request.of("GET", base + "?a=%zz&b=%");
            default -> RawHttp.Request.of("FOO", base);
        };
        return new Fuzzed("low-level", as(request), "");
    }

    private RawHttp.Request as(RawHttp.Request request) {
        String user = pick(USERS);
        RawHttp.Request sent = request.header("Accept", pick(ACCEPTS)).header("X-Fuzz-User", user.isEmpty() ? "anonymous" : user);
        if (user.isEmpty()) {
            return sent;
        }
        if (user.startsWith("nobody")) {
            // Never a real account with a wrong password: Camunda counts failed logins and locks the account.
            return sent.header("Authorization", random.nextBoolean() ? "Basic !!!not-base64" : "Basic bm9ib2R5Ondyb25n");
        }
        return sent.basic(user);
    }

    private String expand(String pattern, boolean reading) {
        Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(segment(m.group(1), pattern.startsWith("/engine-rest"), reading)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String segment(String variable, boolean engine, boolean reading) {
        int choice = random.nextInt(10);
        if (engine && variable.equals("id") && !ownTasks.isEmpty() && choice < 6) {
            return pick(ownTasks);
        }
        if (choice < 3 && !ownIds.isEmpty()) {
            return encode(pick(List.copyOf(ownIds)));
        }
        if (choice < 5 && reading && !seenIds.isEmpty()) {
            return encode(pick(List.copyOf(seenIds)));
        }
        if (choice < 7) {
            return encode(draw(SEGMENT_TEXT));
        }
        return pick(RAW_SEGMENTS);
    }

    private String query(List<String> names, boolean reading) {
        List<String> all = new ArrayList<>(names);
        if (random.nextInt(4) == 0) {
            all.add(pick(List.of("page", "size", "sort", "maxResults", "firstResult", "unknown", "%zz", "a[b]")));
        }
        StringBuilder query = new StringBuilder();
        for (String name : all) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(random.nextBoolean() ? encode(scalarText()) : segment(name, false, reading));
        }
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private RawHttp.Request multipart(RawHttp.Request request, String part, FuzzUploads.Upload upload) {
        String boundary = "fuzz" + Long.toHexString(random.nextLong());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(upload.content().length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + upload.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(upload.content());
        boolean truncated = random.nextInt(15) == 0;
        if (!truncated) {
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return request.body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    // ---------------------------------------------------------------- bodies

    record Body(String contentType, byte[] bytes, String summary) {
    }

    private Body body(JavaType type) throws RuntimeException {
        int choice = random.nextInt(20);
        String contentType = choice < 15 ? "application/json" : pick(CONTENT_TYPES);
        if (choice < 11 && type != null) {
            JsonNode node = value(type, 0);
            return jsonBody(contentType, node);
        }
        return switch (random.nextInt(14)) {
            case 0 -> new Body(random.nextBoolean() ? contentType : null, new byte[0], "empty");
            case 1 -> new Body(contentType, "{".getBytes(StandardCharsets.UTF_8), "{");
            case 2 -> new Body(contentType, "[]".getBytes(StandardCharsets.UTF_8), "[]");
            case 3 -> new Body(contentType, "null".getBytes(StandardCharsets.UTF_8), "null");
            case 4 -> new Body(contentType, ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8),
                    "5000 nested arrays");
            case 5 -> new Body(contentType, ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8),
                    "3000 nested objects");
            case 6 -> new Body(contentType, ("{\"name\":\"" + "长".repeat(700_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                    "2 MB string");
            case 7 -> new Body(contentType, new byte[] { '{', '"', 'n', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, (byte) 0xC3,
                    '"', '}' }, "invalid UTF-8");
            case 8 -> new Body(contentType, "{\"amount\": 1e999999999}".getBytes(StandardCharsets.UTF_8), "1e999999999");
            case 9 -> new Body(contentType, ("{\"n\": " + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8),
                    "5000-digit number");
            case 10 -> new Body(contentType, "{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8), "trailing tokens");
            case 11 -> new Body(contentType, "<xml>&lt;</xml>".getBytes(StandardCharsets.UTF_8), "xml");
            case 12 -> new Body(contentType, "a=1&b=%zz&c".getBytes(StandardCharsets.UTF_8), "form");
            default -> jsonBody(contentType, anyJson(0));
        };
    }

    private Body jsonBody(String contentType, JsonNode node) {
        String text = node.toString();
        return new Body(contentType, text.getBytes(StandardCharsets.UTF_8), abbreviate(text, 240));
    }

    /** A body for the task endpoints that take variables: the right envelope, wrongly typed values. */
    private Body variablesBody() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            ObjectNode variable = JsonNodeFactory.instance.objectNode();
            String type = pick(List.of("String", "Integer", "Long", "Double", "Boolean", "Date", "Json", "Object",
                    "File", "Bytes", "Null", "Short", "Xml", "Unknown", ""));
            variable.set("value", random.nextInt(4) == 0 ? anyJson(0) : scalar());
            if (random.nextInt(6) != 0) {
                variable.put("type", type);
            }
            if (random.nextInt(4) == 0) {
                ObjectNode info = variable.putObject("valueInfo");
                info.put("objectTypeName", pick(List.of("java.util.ArrayList", "java.lang.Runtime", "x", "")));
                info.put("serializationDataFormat", pick(List.of("application/json", "application/x-java-serialized-object",
                        "application/xml", "nonsense")));
            }
            variables.set(pick(List.of("capacityReviewed", "capacityReviewed", "approved", "decision", "seatId", "comment", "reason", "acknowledged",
                    "amount", "date", draw(NAME))), variable);
        }
        if (random.nextInt(8) != 0) {
            root.set(random.nextInt(10) == 0 ? "modifications" : "variables", random.nextInt(10) == 0 ? anyJson(0) : variables);
        }
        if (random.nextInt(5) == 0) {
            root.put("withVariablesInReturn", scalarText());
        }
        return jsonBody(random.nextInt(12) == 0 ? pick(CONTENT_TYPES) : "application/json", root);
    }

    /** A JSON value for {@code type}: usually well-typed (to get past the parser), sometimes not. */
    private JsonNode value(JavaType type, int depth) {
        if (random.nextInt(12) == 0 || depth > 4) {
            return random.nextBoolean() ? scalar() : anyJson(depth);
        }
        Class<?> raw = type.getRawClass();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (raw == String.class || raw == Object.class) {
            return nodes.textNode(scalarText());
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return random.nextInt(5) == 0 ? nodes.nullNode() : nodes.booleanNode(random.nextBoolean());
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            return number();
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return random.nextInt(4) == 0 ? nodes.textNode(scalarText()) : nodes.textNode(constants[random.nextInt(constants.length)].toString());
        }
        if (Temporal.class.isAssignableFrom(raw) || raw.getName().startsWith("java.time.")) {
            return nodes.textNode(pick(List.of("2026-10-01", "2027-02-29", "2026-13-01", "0000-00-00", "+999999999-12-31",
                    "2026-10-01T08:30:00Z", "08:30", "25:61", "", "P1D", "PT-5M", "2026-W40")));
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            ArrayNode array = nodes.arrayNode();
            int size = random.nextInt(40) == 0 ? 3000 : random.nextInt(4);
            JavaType element = type.getContentType() == null ? json.constructType(String.class) : type.getContentType();
            for (int i = 0; i < size; i++) {
                array.add(size > 100 ? scalar() : value(element, depth + 1));
            }
            return array;
        }
        if (Map.class.isAssignableFrom(raw) || raw == JsonNode.class) {
            return anyJson(depth);
        }
        ObjectNode object = nodes.objectNode();
        BeanDescription description = json.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (random.nextInt(10) == 0) {
                continue;
            }
            object.set(property.getName(), value(property.getPrimaryType(), depth + 1));
        }
        if (random.nextInt(15) == 0) {
            object.put(draw(NAME), scalarText());
        }
        return object;
    }

    private JsonNode number() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> nodes.numberNode(new BigInteger("9".repeat(40)));
            case 1 -> nodes.numberNode(new BigDecimal("-1"));
            case 2 -> nodes.numberNode(new BigDecimal("1E+400"));
            case 3 -> nodes.numberNode(new BigDecimal("0.0000000001"));
            case 4 -> nodes.textNode(pick(List.of("12", "abc", "1,000", "NaN", "Infinity", "")));
            case 5 -> nodes.numberNode(Long.MIN_VALUE);
            case 6 -> nodes.numberNode(draw(SMALL));
            default -> nodes.numberNode(draw(AMOUNT));
        };
    }

    private JsonNode scalar() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(5)) {
            case 0 -> number();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.nullNode();
            default -> nodes.textNode(scalarText());
        };
    }

    private String scalarText() {
        return switch (random.nextInt(8)) {
            case 0 -> draw(ANY_TEXT);
            case 1 -> draw(HAN_TEXT);
            case 2 -> "x".repeat(random.nextInt(10) == 0 ? 70_000 : 1000);
            case 3 -> pick(List.of("", " ", "HRB", "A0101", "SERVICES", "AM", "PM", "true", "2026-10-01", "13800138000",
                    "230102199001011234", "=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0", "${jndi:ldap://x}",
                    "#{1+1}", "../../etc/passwd", "\u0000", "\uD800", "' OR '1'='1", "<script>", "%s%n"));
            default -> draw(CODE);
        };
    }

    private JsonNode anyJson(int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (depth > 3) {
            return scalar();
        }
        return switch (random.nextInt(4)) {
            case 0 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(anyJson(depth + 1));
                }
                yield array;
            }
            case 1 -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(draw(NAME),
                            anyJson(depth + 1));
                }
                yield object;
            }
            default -> scalar();
        };
    }

    // ---------------------------------------------------------------- randomness

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SuppressWarnings("unchecked")
    private <T> T draw(Arbitrary<T> arbitrary) {
        return ((Iterator<T>) samples.computeIfAbsent(arbitrary, a -> a.sampleStream().iterator())).next();
    }

    private static String abbreviate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…(" + text.length() + " chars)";
    }

}
