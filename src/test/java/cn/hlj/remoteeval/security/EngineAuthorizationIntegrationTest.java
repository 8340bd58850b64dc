package cn.hlj.remoteeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * Issue 8's authorization rules over real HTTP, each allowed and denied: a sub-venue's duties reach
 * the hosting center's staff (through the session's anonymous group) and nobody else's, in the engine
 * REST API, in the saved filters and in Tasklist's own API; Cockpit and Admin open for operators only;
 * the tenderer sees no task and no instance; no engine record names the hosting center; an instance's
 * grants end with it.
 */
@RemoteEvalIntegrationTest
class EngineAuthorizationIntegrationTest {

    private static final List<String> FILTERS = List.of("我的任务", "本中心待办", "即将到期", "已超期");
    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    SeatBookings bookings;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String holder;
    private ProcessInstance hosted;

    /** A holder with seats at HRB (main), QQHR and MDJ, and the venue duties of QQHR's session running. */
    @BeforeEach
    void qqhrHostsASessionWhoseDutiesAreOpen() {
        holder = "authz-" + UUID.randomUUID();
        // Near today: staff hold the engine groups of the sessions their center hosts within 14 days only.
        LocalDate day = LocalDate.now(PROVINCE).plusDays(ThreadLocalRandom.current().nextInt(3, 10));
        Slot slot = new Slot(day, ThreadLocalRandom.current().nextBoolean() ? HalfDay.AM : HalfDay.PM);
        transactions.executeWithoutResult(tx -> bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot,
                Map.of("HRB", 1, "QQHR", 1, "MDJ", 1), false));
        String session = bookings.sessionCodeOf(holder, "QQHR").orElseThrow();
        hosted = runtime.startProcessInstanceByKey("venue-duties", holder,
                Map.of("sessionCode", session, "mainCenter", "HRB"));
    }

    @Test
    void theHostingCentersStaffSeeAndClaimTheSessionsTasksAndNoOtherCentersStaffDo() throws Exception {
        List<String> mine = ids(read(get("staff-qqhr", "/engine-rest/task?processInstanceId=" + hosted.getId())));
        assertThat(mine).hasSize(5);
        assertThat(read(get("staff-mdj", "/engine-rest/task?processInstanceId=" + hosted.getId()))).isEmpty();
        assertThat(read(get("staff-hrb", "/engine-rest/task?processInstanceId=" + hosted.getId()))).isEmpty();
        assertThat(read(get("supervisor-qqhr", "/engine-rest/task?processInstanceId=" + hosted.getId()))).isEmpty();

        String task = mine.get(0);
        assertThat(post("staff-mdj", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"staff-mdj\"}").statusCode())
                .isEqualTo(403);
        assertThat(get("staff-mdj", "/engine-rest/task/" + task).statusCode()).isIn(403, 404);
        assertThat(post("staff-qqhr", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"staff-qqhr\"}").statusCode())
                .isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("staff-qqhr");
    }

    @Test
    void staffSeeOnlyTheProcessInstancesTheyTakePartIn() throws Exception {
        assertThat(get("staff-qqhr", "/engine-rest/process-instance/" + hosted.getId()).statusCode()).isEqualTo(200);
        assertThat(get("staff-mdj", "/engine-rest/process-instance/" + hosted.getId()).statusCode()).isIn(403, 404);
        assertThat(ids(read(get("staff-mdj", "/engine-rest/process-instance?businessKey=" + holder)))).isEmpty();
        assertThat(ids(read(get("staff-hrb", "/engine-rest/process-instance?businessKey=" + holder)))).isEmpty();
        assertThat(ids(read(get("demo", "/engine-rest/process-instance?businessKey=" + holder))))
                .containsExactly(hosted.getId());
    }

    @Test
    void theSessionGroupsReadGrantOnTheInstanceGoesWhenTheInstanceEnds() throws Exception {
        String session = bookings.sessionCodeOf(holder, "QQHR").orElseThrow();
        List<Authorization> whileRunning = authorizations.createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(hosted.getId()).list();
        assertThat(whileRunning).extracting(Authorization::getGroupId).containsExactly("venue-" + session);
        assertThat(whileRunning.get(0).isPermissionGranted(Permissions.READ)).isTrue();

        // The engine deletes an instance's authorizations with the instance; nothing of ours does. Cancelled as
        // Cockpit cancels, custom listeners skipped, so that no listener of the application could be doing it.
        assertThat(basic("demo", "DELETE", "/engine-rest/process-instance/" + hosted.getId()
                + "?skipCustomListeners=true&skipIoMappings=true", null).statusCode()).isEqualTo(204);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(hosted.getId()).count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(hosted.getId()).count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = :instance")
                .param("instance", hosted.getId()).query(Long.class).single()).isZero();
        assertThat(get("staff-qqhr", "/engine-rest/process-instance/" + hosted.getId()).statusCode()).isIn(403, 404);
    }

    @Test
    void noEngineRecordNamesTheHostingCenter() throws Exception {
        String session = bookings.sessionCodeOf(holder, "QQHR").orElseThrow();
        for (Task task : tasks.createTaskQuery().processInstanceId(hosted.getId()).list()) {
            JsonNode links = read(get("demo", "/engine-rest/task/" + task.getId() + "/identity-links"));
            assertThat(links.findValuesAsText("groupId")).containsExactly("venue-" + session);
        }
        List<String> grantedGroups = jdbc.sql("SELECT GROUP_ID_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ IN "
                + "(SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = :instance) OR RESOURCE_ID_ = :instance")
                .param("instance", hosted.getId()).query(String.class).list();
        assertThat(grantedGroups).isNotEmpty().allMatch(group -> group == null || group.equals("venue-" + session));
        for (Task task : tasks.createTaskQuery().processInstanceId(hosted.getId()).list()) {
            assertThat(read(get("demo", "/engine-rest/history/identity-link-log?taskId=" + task.getId()))
                    .findValuesAsText("groupId")).containsOnly("venue-" + session);
        }
    }

    @Test
    void everyTaskWorkerFindsTheFourSavedFiltersAndEachShowsOnlyTheirOwnCentersTasks() throws Exception {
        for (String user : List.of("staff-qqhr", "supervisor-hrb", "drc")) {
            assertThat(read(get(user, "/engine-rest/filter?resourceType=Task")).findValuesAsText("name"))
                    .as(user).containsExactlyInAnyOrderElementsOf(FILTERS);
        }
        assertThat(read(get("tenderer", "/engine-rest/filter?resourceType=Task"))).isEmpty();

        List<Task> open = tasks.createTaskQuery().processInstanceId(hosted.getId()).orderByTaskName().asc().list();
        Task overdue = open.get(0);
        overdue.setDueDate(Date.from(java.time.Instant.now().minusSeconds(3600)));
        tasks.saveTask(overdue);
        Task dueSoon = open.get(1);
        dueSoon.setDueDate(Date.from(java.time.Instant.now().plusSeconds(86_400)));
        tasks.saveTask(dueSoon);
        Task later = open.get(2);
        later.setDueDate(Date.from(java.time.Instant.now().plusSeconds(10 * 86_400)));
        tasks.saveTask(later);

        assertThat(filterList("staff-qqhr", "本中心待办")).containsAll(ids(open));
        assertThat(filterList("staff-mdj", "本中心待办")).doesNotContainAnyElementsOf(ids(open));
        assertThat(filterList("staff-qqhr", "已超期")).contains(overdue.getId())
                .doesNotContain(dueSoon.getId(), later.getId());
        assertThat(filterList("staff-qqhr", "即将到期")).contains(dueSoon.getId())
                .doesNotContain(overdue.getId(), later.getId());
        assertThat(filterList("staff-qqhr", "我的任务")).doesNotContainAnyElementsOf(ids(open));
        tasks.claim(later.getId(), "staff-qqhr");
        assertThat(filterList("staff-qqhr", "我的任务")).contains(later.getId());
    }

    @Test
    void theTendererSeesNoTaskNoInstanceAndNoTasklist() throws Exception {
        assertThat(read(get("tenderer", "/engine-rest/task"))).isEmpty();
        assertThat(read(get("tenderer", "/engine-rest/process-instance"))).isEmpty();
        assertThat(read(get("tenderer", "/engine-rest/history/process-instance"))).isEmpty();
        HttpClient browser = browser();
        login(browser, "tenderer");
        JsonNode me = read(send(browser, "GET", "/camunda/api/admin/auth/user/default", null, null));
        assertThat(me.get("authorizedApps").toString()).doesNotContain("tasklist", "cockpit", "admin");
    }

    @Test
    void cockpitAndAdminOpenForOperatorsOnly() throws Exception {
        for (String page : List.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/")) {
            assertThat(get("staff-hrb", page).statusCode()).as(page).isEqualTo(403);
            assertThat(get("supervisor-hrb", page).statusCode()).as(page).isEqualTo(403);
            assertThat(get("tenderer", page).statusCode()).as(page).isEqualTo(403);
            assertThat(get("demo", page).statusCode()).as(page).isEqualTo(200);
            HttpResponse<String> anonymous = open(HttpClient.newHttpClient(), page, PAGE);
            assertThat(anonymous.statusCode()).as(page).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login.html");
        }
        assertThat(get("staff-hrb", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
                .statusCode()).isEqualTo(403);
        assertThat(get("staff-hrb", "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    }

    @Test
    void tasklistSignsInThroughTheLoginFormAndSeesTheSessionsTasksAsTheEngineRestApiDoes() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> signedIn = login(browser, "staff-qqhr");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist/");

        JsonNode me = read(send(browser, "GET", "/camunda/api/admin/auth/user/default", null, null));
        assertThat(me.get("userId").asText()).isEqualTo("staff-qqhr");
        assertThat(me.get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit", "admin");
        JsonNode visible = read(send(browser, "GET",
                "/camunda/api/engine/engine/default/task?processInstanceId=" + hosted.getId(), null, null));
        assertThat(visible).hasSize(5);

        HttpClient other = browser();
        login(other, "staff-mdj");
        assertThat(read(send(other, "GET",
                "/camunda/api/engine/engine/default/task?processInstanceId=" + hosted.getId(), null, null))).isEmpty();
    }

    @Test
    void aSessionDrawnAfterSigningInReachesTheSignedInStaffAtOnce() throws Exception {
        HttpClient browser = browser();
        login(browser, "staff-jms");
        String later = "authz-later-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> bookings.book(later, BookingPurpose.RANDOM_DRAW,
                new Slot(LocalDate.now(PROVINCE).plusDays(ThreadLocalRandom.current().nextInt(3, 10)), HalfDay.PM),
                Map.of("JMS", 1), false));
        ProcessInstance drawnLater = runtime.startProcessInstanceByKey("venue-duties", later,
                Map.of("sessionCode", bookings.sessionCodeOf(later, "JMS").orElseThrow(), "mainCenter", "HRB"));

        assertThat(read(send(browser, "GET",
                "/camunda/api/engine/engine/default/task?processInstanceId=" + drawnLater.getId(), null, null))).hasSize(5);
    }

    @Test
    void theWebappsOwnLoginIsClosedAndAWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> native_ = send(HttpClient.newHttpClient(), "POST",
                "/camunda/api/admin/auth/user/default/login/tasklist", "username=staff-hrb&password=staff-hrb",
                "application/x-www-form-urlencoded");
        assertThat(native_.statusCode()).isIn(302, 401, 403);
        for (String open : List.of("/login.html", "/css/remote-eval.css")) {
            assertThat(send(HttpClient.newHttpClient(), "GET", open, null, null).statusCode()).as(open).isEqualTo(200);
        }
        HttpClient browser = browser();
        // Camunda delays a user's next login after a wrong password: a user no other test signs in with.
        HttpResponse<String> refused = send(browser, "POST", "/login", "username=supervisor-jx&password=wrong",
                "application/x-www-form-urlencoded");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login.html?error");
        assertThat(send(browser, "GET", "/camunda/api/admin/auth/user/default", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTaskInputTheRulesRefuseIsA422WithTheChineseMessageAndTheTaskStaysOpen() throws Exception {
        // The holder's session has workstations but no committee seat: no one can be present there.
        Task verification = tasks.createTaskQuery().processInstanceId(hosted.getId())
                .taskDefinitionKey("VerifyExpertIdentities").singleResult();
        String body = "{\"variables\":{\"expertsPresent\":{\"value\":3,\"type\":\"Long\"},"
                + "\"noShowSeats\":{\"value\":\"\",\"type\":\"String\"},"
                + "\"identitiesVerified\":{\"value\":true,\"type\":\"Boolean\"}}}";

        HttpResponse<String> refused = post("staff-qqhr", "/engine-rest/task/" + verification.getId() + "/complete", body);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode answer = json.readTree(refused.body());
        assertThat(answer.get("type").asText()).isEqualTo("TaskInputRefused");
        assertThat(answer.get("message").asText()).contains("本场次没有评标专家席位");
        assertThat(tasks.createTaskQuery().taskId(verification.getId()).count()).isOne();
        // The form-submission endpoint Tasklist uses answers the same.
        HttpResponse<String> submitted = post("staff-qqhr", "/engine-rest/task/" + verification.getId() + "/submit-form",
                body);
        assertThat(submitted.statusCode()).isEqualTo(422);
        assertThat(json.readTree(submitted.body()).get("message").asText()).contains("本场次没有评标专家席位");
        // An error that is not a refused input keeps Camunda's own answer.
        assertThat(post("staff-qqhr", "/engine-rest/task/no-such-task/complete", "{}").statusCode()).isNotEqualTo(422);
    }

    @Test
    void signingInReturnsToThePageThatAskedForItNotToAFontItLoadedMeanwhile() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = open(browser, "/camunda/app/tasklist/default/", PAGE);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login.html");
        // What the signed-out page loads next: neither sent to sign in nor remembered.
        for (String asset : List.of("/camunda/assets/vendor/fonts/bootstrap.woff2", "/camunda/app/tasklist/scripts/config.js")) {
            assertThat(open(browser, asset, "*/*").statusCode()).as(asset).isEqualTo(401);
        }
        assertThat(send(browser, "GET", "/camunda/api/engine/engine/default/task", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> signedIn = send(browser, "POST", "/login", "username=staff-sh&password=staff-sh",
                "application/x-www-form-urlencoded");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        // Spring Security marks the return to a remembered page with "?continue".
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath())
                .isEqualTo("/camunda/app/tasklist/default/");
    }

    @Test
    void aPersonSignedInThroughTheLoginFormCallsTheApiFromThePagesWithTheSession() throws Exception {
        assertThat(send(HttpClient.newHttpClient(), "GET", "/api/partner-provinces/targets?on=2026-11-25", null, null)
                .statusCode()).isEqualTo(401);
        HttpClient browser = browser();
        login(browser, "staff-prov");
        assertThat(send(browser, "GET", "/api/partner-provinces/targets?on=2026-11-25", null, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> page = send(browser, "GET", "/operators.html", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("合作省份目标完成情况");
    }

    private List<String> filterList(String user, String name) throws Exception {
        String id = null;
        for (JsonNode filter : read(get(user, "/engine-rest/filter?resourceType=Task"))) {
            if (filter.get("name").asText().equals(name)) {
                id = filter.get("id").asText();
            }
        }
        assertThat(id).as(name).isNotNull();
        return ids(read(get(user, "/engine-rest/filter/" + id + "/list?maxResults=500")));
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private HttpResponse<String> login(HttpClient browser, String user) throws Exception {
        HttpResponse<String> response = send(browser, "POST", "/login",
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        // As a browser does next: the app page, where the webapps take the signed-in user over.
        HttpResponse<String> page = send(browser, "GET", "/camunda/app/tasklist/default/", null, null);
        assertThat(page.statusCode()).isIn(200, 403);
        return response;
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return basic(user, "GET", path, null);
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return basic(user, "POST", path, body);
    }

    private HttpResponse<String> basic(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What a browser's address bar sends for a page, as opposed to a page's fonts and scripts ({@code *}{@code /*}). */
    private static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private HttpResponse<String> open(HttpClient client, String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json");
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode read(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }
}
