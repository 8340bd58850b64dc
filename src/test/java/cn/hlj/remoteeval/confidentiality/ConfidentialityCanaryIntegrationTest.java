package cn.hlj.remoteeval.confidentiality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.security.Groups;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.testsupport.EngineRest;
import cn.hlj.remoteeval.testsupport.FakeIdentities;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * Issue 8 item 6, the confidentiality gate: a canary expert (unique name, 身份证号, mobile) and a
 * canary sub-venue (a new center with a unique code, name and room names) go through a whole tender
 * with the real processes. Just before the evaluation ends (every duty done but the canary venue's
 * report signature, the last one), every answer of the tender's {@code /api} endpoints for every role, every
 * {@code /engine-rest} answer about it for the operator, the application log and every non-encrypted
 * column of every table must name neither canary. After the hand-over (issue 8 item 3), the engine's
 * variables, history and incidents still show ids and non-personal facts only.
 *
 * <p>Only the canary's own directory rows are left out of the database search: its
 * {@code trading_center} row and its {@code workstation} rows, the {@code expert} rows of the two
 * experts registered in its city (their 所在地市 is the directory's own fact), and the identity-store
 * group and membership this test creates for its staff (standing in for Keycloak, which keeps them
 * outside the database). The center is created with JdbcClient (no API creates trading centers) and
 * removed again at the end, since other tests count the province's 14 centers.
 */
@RemoteEvalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfidentialityCanaryIntegrationTest {

    private static final Pattern REPLY_CODE = Pattern.compile("“1 ([0-9A-Z]{12})”");
    private static final String MAIN = "HRB";
    private static final String OTHER_SUB_VENUE = "MDJ";
    private static final String UNINVOLVED = "QQHR";
    private static final String SPECIALTY = "A0101";
    private static final Path LOG_DIRECTORY = Path.of("target");
    private static final String LOG_FILE = "remote-eval-test.log";

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    EngineRest http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    SeatBookings bookings;
    @Autowired
    CommitteeRoster roster;
    @Autowired
    ExpertContacts contacts;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    Clock clock;

    private Canaries canary;
    private String outageReason;
    private String tenderId;
    private String canarySession;
    private String canaryExpertRef;
    private Map<String, String> sessionOfCenter;
    private final List<String> notes = new ArrayList<>();
    private boolean centerCreated;

    // --- the run up to the last signature

    @BeforeAll
    void runATenderWithBothCanariesUpToTheLastSignature() throws Exception {
        jdbc.sql("SELECT code FROM trading_center WHERE name LIKE ?").param(Canaries.CENTER_NAME_PREFIX + "%")
                .query(String.class).list().forEach(this::removeCenter);
        canary = Canaries.fresh();
        outageReason = "金丝雀审计占用" + canary.evaluationDate();
        createCanarySubVenue();
        importExperts();
        leaveOnlyTheMainVenueTheCanaryAndOneOtherCenterFree();

        // The demo tenderer's tender, so that what the tenderer reads of it is searched too.
        tenderId = api.register(TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER)
                .with("evaluationDate", canary.evaluationDate().toString())
                .with("committee", Map.of("size", 5, "tendererRepresentatives", 0,
                        "specialties", List.of(Map.of("code", SPECIALTY, "count", 5))))).get("id").asText();
        awaitState("AWAITING_EXPERT_DRAW");
        sessionOfCenter = new LinkedHashMap<>();
        Map<String, Integer> seats = new LinkedHashMap<>();
        bookings.sessionsOf(tenderId).forEach(s -> {
            sessionOfCenter.put(s.centerCode(), s.sessionCode());
            seats.put(s.centerCode(), s.seats());
        });
        assertThat(seats).as("the venue draw must pick the canary center as a sub-venue")
                .containsExactlyInAnyOrderEntriesOf(Map.of(MAIN, 1, canary.centerCode(), 2, OTHER_SUB_VENUE, 2));
        canarySession = sessionOfCenter.get(canary.centerCode());

        drawAndAcceptExperts();
        awaitState("EVALUATING");
        List<CommitteeRoster.Seat> canarySeats = roster.seatsAt(tenderId, canarySession);
        canaryExpertRef = canarySeats.stream().map(CommitteeRoster.Seat::expertRef)
                .filter(ref -> contacts.contactOf(ref).map(c -> c.name().equals(canary.expertName())).orElse(false))
                .findFirst().orElse(null);
        assertThat(canaryExpertRef).as("the expert draw must seat the canary expert at the canary center").isNotNull();

        ProcessInstance day = runtime.createProcessInstanceQuery().processDefinitionKey("evaluation-day")
                .processInstanceBusinessKey(tenderId).singleResult();
        Task open = task(day.getId(), "OpenSession");
        as(MAIN, () -> tasks.complete(open.getId(), Map.of("supervisorOnSite", true,
                "sessionStartedAt", OffsetDateTime.now(clock).withNano(0).toString())));

        String canaryVenue = venueInstance(canarySession);
        Task report = task(canaryVenue, "ReportIncident");
        as(canary.centerCode(), () -> tasks.complete(report.getId(), Map.of("incidentKind", "SITE_SAFETY",
                "sealedIncidentDescription", "评标室网络中断约十分钟")));
        Task handle = task(day.getId(), "HandleIncident");
        as(MAIN, () -> tasks.complete(handle.getId(), Map.of("incidentMeasure", "CHANGE_WORKSTATION",
                "incidentResolved", true, "sealedHandlingNote", "已切换备用线路")));
        reportAClueFromTheCanaryCenter();

        // The canary venue signs last: its open task (identity links, task authorizations) is part of what is searched.
        for (String center : List.of(MAIN, OTHER_SUB_VENUE, canary.centerCode())) {
            String venue = venueInstance(sessionOfCenter.get(center));
            as(center, () -> {
                tasks.complete(task(venue, "PrepareWorkstations").getId(), Map.of("workstationsReady", true));
                tasks.complete(task(venue, "ConnectAudioVideo").getId(), Map.of("audioVideoConnected", true));
                tasks.complete(task(venue, "ArrangeMealsAndLodging").getId(), Map.of("mealsAndLodgingArranged", true));
                tasks.complete(task(venue, "VerifyExpertIdentities").getId(), Map.of("expertsPresent",
                        (long) roster.seatsAt(tenderId, sessionOfCenter.get(center)).size(), "noShowSeats", "",
                        "identitiesVerified", true));
            });
            if (!center.equals(canary.centerCode())) {
                as(center, () -> tasks.complete(task(venue, "SignReport").getId(), Map.of("reportSigned", true)));
            }
        }
        assertThat(task(venueInstance(canarySession), "SignReport")).as("the last signature is open").isNotNull();
        assertThat(jdbc.sql("SELECT ended_at FROM evaluation_day WHERE tender_id = ?").param(tenderId)
                .query(String.class).optional()).as("the evaluation has not ended").isEmpty();
    }

    @Test
    @Order(1)
    void beforeTheEvaluationEndsNoAnswerNoEngineRecordNoLogLineAndNoColumnNamesACanary() throws Exception {
        Hits hits = new Hits();
        searchApi(hits);
        searchEngine(hits, canary.allTerms(), canary.allTerms());
        searchLog(hits, canary.allTerms());
        DatabaseScan.Summary database = new DatabaseScan(dataSource).search(hits, canary.allTerms(), canaryRows());
        System.out.println("[canary audit] canaries: " + canary.allTerms() + ", staff user " + canary.staffUser()
                + ", tender " + tenderId + "; database: " + database + "; notes: " + notes);
        assertThat(database.tables).as("tables found through JDBC metadata").hasSizeGreaterThan(60);
        assertThat(hits.list()).as(hits.report("canaries found before the evaluation ended")).isEmpty();
    }

    @Test
    @Order(2)
    void afterTheHandOverTheEngineShowsIdsAndNonPersonalFactsOnly() throws Exception {
        String canaryVenue = venueInstance(canarySession);
        as(canary.centerCode(), () -> tasks.complete(task(canaryVenue, "SignReport").getId(), Map.of("reportSigned", true)));
        awaitState("HANDING_OVER");
        List<ProcessInstance> legs = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(tenderId).processDefinitionKey("av-handover-leg").list(), l -> l.size() == 2);
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        for (ProcessInstance leg : legs) {
            Task handOver = task(leg.getId(), "HandOverMaterial");
            String session = tasks.getIdentityLinksForTask(handOver.getId()).stream().map(l -> l.getGroupId())
                    .filter(g -> g != null && g.startsWith("venue-")).map(g -> g.substring("venue-".length())).findFirst()
                    .orElseThrow(() -> new AssertionError("移交音视频资料 is offered to no session group"));
            String center = sessionOfCenter.entrySet().stream().filter(e -> e.getValue().equals(session))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            as(center, () -> tasks.complete(handOver.getId(), Map.of("medium", "REMOVABLE_DISK", "itemCount", 1L,
                    "sealedItems", "评标室录像.mp4," + sha, "handedOverAt", OffsetDateTime.now(clock).withNano(0).toString())));
            Task receipt = task(leg.getId(), "ConfirmReceipt");
            as(MAIN, () -> tasks.complete(receipt.getId(), Map.of("checksumsVerified", true,
                    "receivedAt", LocalDateTime.now(clock).withNano(0).toString())));
        }
        ProcessInstance toTenderer = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(tenderId).processDefinitionKey("av-handover-tenderer-leg").singleResult(),
                p -> p != null);
        Task last = task(toTenderer.getId(), "HandOverToTenderer");
        as(MAIN, () -> tasks.complete(last.getId(), Map.of("medium", "USB_DRIVE", "itemCount", 1L,
                "sealedItems", "全部资料.zip," + sha, "sealedTendererReceiver", "招标人经办人",
                "handedOverAt", OffsetDateTime.now(clock).withNano(0).toString())));
        awaitState("HANDED_OVER");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId).processDefinitionKey("tender-lifecycle")
                .count()).as("the lifecycle ended").isZero();

        Hits hits = new Hits();
        searchEngine(hits, canary.expertTerms(), canary.allTerms());
        searchLog(hits, canary.expertTerms());
        // Not a canary (an id, like production's personal accounts), but whoever knows where the user works learns the sub-venue.
        Hits staff = new Hits();
        searchEngine(staff, Map.of("canary staff user", canary.staffUser()), Map.of("canary staff user", canary.staffUser()));
        notes.add("the canary center's staff user id shows in " + staff.list().size() + " engine REST answers (informational)");
        System.out.println("[canary audit] after the hand-over; notes: " + notes);
        assertThat(hits.list()).as(hits.report("canaries in the engine (and experts in the log) after the lifecycle ended"))
                .isEmpty();
    }

    @AfterAll
    void removeTheCanaryCenter() {
        if (canary == null) {
            return;
        }
        jdbc.sql("DELETE FROM workstation_outage WHERE reason = ?").param(outageReason).update();
        if (centerCreated) {
            removeCenter(canary.centerCode());
        }
        identity.deleteMembership(canary.staffUser(), canary.staffGroup());
        identity.deleteUser(canary.staffUser());
        identity.deleteGroup(canary.staffGroup());
    }

    /**
     * Other tests count the province's 14 centers and the directory's free seats: a canary center goes
     * at the end (and one a crashed run left in a kept MariaDB database goes before the next run).
     */
    private void removeCenter(String code) {
        jdbc.sql("DELETE FROM workstation_booking WHERE workstation_id IN (SELECT id FROM workstation WHERE center_code = ?)")
                .param(code).update();
        jdbc.sql("DELETE FROM workstation_outage WHERE workstation_id IN (SELECT id FROM workstation WHERE center_code = ?)")
                .param(code).update();
        jdbc.sql("DELETE FROM workstation WHERE center_code = ?").param(code).update();
        jdbc.sql("DELETE FROM trading_center WHERE code = ?").param(code).update();
        jdbc.sql("UPDATE expert SET status = 'SUSPENDED', status_reason = ? WHERE city = ? AND status = 'ACTIVE'")
                .params("保密审计测试结束", code).update();
    }

    // --- canaries

    private void createCanarySubVenue() throws Exception {
        // No API creates a trading center: the reference row goes in as the Flyway seed wrote the others.
        int order = jdbc.sql("SELECT COALESCE(MAX(display_order), 0) + 1 FROM trading_center").query(Integer.class).single();
        jdbc.sql("INSERT INTO trading_center (code, name, permanent_cross_province_sub_venue, display_order) VALUES (?, ?, FALSE, ?)")
                .params(canary.centerCode(), canary.centerName(), order).update();
        centerCreated = true;

        // A personal account as Keycloak would give it: the user id does not name the center.
        Group group = identity.newGroup(canary.staffGroup());
        group.setName("交易中心工作人员");
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        User user = identity.newUser(canary.staffUser());
        user.setFirstName("王");
        user.setLastName("工作人员");
        user.setPassword(canary.staffUser());
        identity.saveUser(user);
        identity.createMembership(canary.staffUser(), canary.staffGroup());

        for (int i = 0; i < canary.rooms().size(); i++) {
            api.post(canary.staffUser(), "/api/centers/" + canary.centerCode() + "/workstations",
                    Map.of("code", "W0" + (i + 1), "room", canary.rooms().get(i), "crossProvince", false, "avNotes", "双路视频"))
                    .andExpect(status().isCreated());
        }
    }

    /** The canary expert and one companion are the only experts of the canary's city: both are drawn for its 2 seats. */
    private void importExperts() throws Exception {
        String csv = "姓名,身份证号,手机号,专业代码,专家类别,工作单位,所在地市\r\n"
                + String.join(",", canary.expertName(), canary.idNumber(), canary.mobile(), SPECIALTY, "技术", "某设计研究院",
                        canary.centerCode()) + "\r\n"
                + String.join(",", FakeIdentities.name(), FakeIdentities.idNumber(), FakeIdentities.mobile(), SPECIALTY, "技术",
                        "某工程咨询公司", canary.centerCode()) + "\r\n";
        mvc.perform(MockMvcRequestBuilders.multipart("/api/experts/import")
                .file(new MockMultipartFile("file", "专家.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("pool-admin", "pool-admin"))).andExpect(status().isOk());
    }

    /** Every workstation of the other centers is out of service on the canary's date, so 1 + 2 + 2 is the only plan. */
    private void leaveOnlyTheMainVenueTheCanaryAndOneOtherCenterFree() throws Exception {
        for (JsonNode center : api.read(api.get("demo", "/api/centers"))) {
            String code = center.get("code").asText();
            if (Set.of(MAIN, OTHER_SUB_VENUE, canary.centerCode()).contains(code)) {
                continue;
            }
            for (JsonNode workstation : api.read(api.get("demo", "/api/centers/" + code + "/workstations"))) {
                api.post("staff-" + code.toLowerCase(Locale.ROOT), "/api/centers/" + code + "/workstations/"
                        + workstation.get("code").asText() + "/outages", Map.of("from", canary.evaluationDate().toString(),
                                "to", canary.evaluationDate().toString(), "reason", outageReason))
                        .andExpect(status().is2xxSuccessful());
            }
        }
    }

    private List<DatabaseScan.RowSkip> canaryRows() {
        String code = canary.centerCode();
        return List.of(
                new DatabaseScan.RowSkip("trading_center", "the canary center's own directory row", r -> code.equals(r.get("code"))),
                new DatabaseScan.RowSkip("workstation", "the canary center's own workstation rows",
                        r -> code.equals(r.get("center_code"))),
                new DatabaseScan.RowSkip("expert", "an expert registered in the canary city (所在地市)", r -> code.equals(r.get("city"))),
                new DatabaseScan.RowSkip("ACT_ID_GROUP", "the canary staff group this test created (Keycloak stand-in)",
                        r -> canary.staffGroup().equals(r.get("id_"))),
                new DatabaseScan.RowSkip("ACT_RU_AUTHORIZATION", "READ on the canary staff group itself, granted by Camunda when the test saved the group",
                        r -> "2".equals(r.get("resource_type_")) && canary.staffGroup().equals(r.get("resource_id_"))),
                new DatabaseScan.RowSkip("ACT_ID_MEMBERSHIP", "the canary staff membership this test created (Keycloak stand-in)",
                        r -> canary.staffGroup().equals(r.get("group_id_"))));
    }

    // --- the lifecycle

    private void drawAndAcceptExperts() throws Exception {
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers().activityId("AwaitExpertDraw")
                .singleResult();
        management.executeJob(timer.getId());
        awaitState("AWAITING_EXPERT_CONFIRMATIONS");
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("expert-seat-confirmation").processInstanceBusinessKey(tenderId).count() == 5);
        for (String seatId : jdbc.sql("SELECT id FROM committee_seat WHERE tender_id = ? AND busy_slot IS NOT NULL")
                .param(tenderId).query(String.class).list()) {
            String sms = cipher.decrypt(jdbc.sql("SELECT text_enc FROM sms_outbox WHERE idempotency_key = ?")
                    .param("invite:" + seatId).query(String.class).single());
            Matcher code = REPLY_CODE.matcher(sms);
            assertThat(code.find()).as("reply code in the invitation").isTrue();
            api.postAnonymous("/api/expert-invitations/" + code.group(1) + "/answer", "{\"answer\":\"ACCEPT\"}")
                    .andExpect(status().isOk());
        }
    }

    private void reportAClueFromTheCanaryCenter() {
        try {
            as(canary.centerCode(), () -> runtime.startProcessInstanceByKey("clue-report", Map.of("sessionCode", canarySession,
                    "foundOn", LocalDate.now(clock).toString(), "category", "EXPERT_MISCONDUCT",
                    "sealedClueDescription", "有专家评标期间接打电话")));
        } catch (Exception e) {
            // Authorizations to start it are granted at start-up to the centers of that moment.
            notes.add("clue-report could not be started by the canary center's staff: " + e.getMessage());
        }
    }

    // --- where the audit looks

    private void searchApi(Hits hits) throws Exception {
        Map<String, String> terms = canary.allTerms();
        JsonNode tender = api.read(api.get("demo", "/api/tenders/" + tenderId));
        String venueDraw = tender.path("venueDrawId").asText();
        String expertDraw = tender.path("expertDrawId").asText();
        String date = canary.evaluationDate().toString();
        YearMonth thisMonth = YearMonth.now(clock);
        List<String> paths = new ArrayList<>(List.of("/api/tenders/" + tenderId, "/api/tenders",
                "/api/draws/" + venueDraw, "/api/draws/" + venueDraw + "/verification",
                "/api/draws/" + expertDraw, "/api/draws/" + expertDraw + "/verification", "/api/draws/chain-verification",
                "/api/tenders/" + tenderId + "/incidents", "/api/tenders/" + tenderId + "/report-signatures",
                "/api/tenders/" + tenderId + "/handovers", "/api/tenders/" + tenderId + "/clues",
                "/api/tenders/" + tenderId + "/committee", "/api/tenders/" + tenderId + "/negotiated-venues",
                "/api/tenders/" + tenderId + "/negotiation-candidates", "/api/audit/tenders/" + tenderId,
                "/api/reports/monthly/" + thisMonth, "/api/reports/monthly/" + YearMonth.from(canary.evaluationDate()),
                "/api/reports/monthly/" + thisMonth + "/centers/" + MAIN, "/api/deadlines", "/api/sms-outbox",
                "/api/expert-invitations"));
        for (String center : List.of(MAIN, OTHER_SUB_VENUE, UNINVOLVED)) {
            paths.add("/api/centers/" + center + "/sessions?from=" + date + "&to=" + date);
            paths.add("/api/centers/" + center + "/handovers");
            paths.add("/api/centers/" + center + "/sessions/" + sessionOfCenter.getOrDefault(center, "RS-NONE") + "/experts");
        }
        for (String user : List.of("tenderer", "staff-hrb", "staff-mdj", "staff-qqhr", "supervisor-hrb", "demo", "staff-prov",
                "drc")) {
            for (String path : paths) {
                MvcResult result = api.get(user, path).andReturn();
                String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                if (path.startsWith("/api/reports/monthly/")) {
                    body = withoutTheCanarysEmptyRow(body);
                }
                hits.search("GET " + path + " as " + user + " (" + result.getResponse().getStatus() + ")", body, terms);
            }
        }
        // The canary center's own staff: its own sessions view names no expert; the tender tells them nothing.
        for (String path : List.of("/api/centers/" + canary.centerCode() + "/sessions?from=" + date + "&to=" + date,
                "/api/centers/" + canary.centerCode() + "/handovers", "/api/tenders/" + tenderId)) {
            MvcResult result = api.get(canary.staffUser(), path).andReturn();
            hits.search("GET " + path + " as canary staff (" + result.getResponse().getStatus() + ")",
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8), canary.expertTerms());
        }
    }

    /**
     * The monthly report lists every center of the directory, the canary's included: that row is the
     * directory, not the tender, as long as it counts nothing. A row that counts something is searched.
     */
    private String withoutTheCanarysEmptyRow(String body) {
        try {
            JsonNode report = json.readTree(body);
            if (report == null || !report.has("centers") || !report.get("centers").isArray()) {
                return body;
            }
            var centers = (com.fasterxml.jackson.databind.node.ArrayNode) report.get("centers");
            for (int i = 0; i < centers.size(); i++) {
                JsonNode row = centers.get(i);
                boolean canaryRow = row.toString().contains(canary.centerCode());
                boolean countsNothing = numbers(row).stream().allMatch(n -> n == 0);
                if (canaryRow && countsNothing) {
                    notes.add("monthly report " + report.path("month") + ": the canary center's row counts nothing");
                    centers.remove(i);
                    break;
                }
            }
            return report.toString();
        } catch (IOException e) {
            return body;
        }
    }

    private static List<Double> numbers(JsonNode node) {
        List<Double> numbers = new ArrayList<>();
        if (node.isNumber()) {
            numbers.add(node.asDouble());
        }
        node.forEach(child -> numbers.addAll(numbers(child)));
        return numbers;
    }

    /**
     * Everything the engine REST API shows the operator about the tender's instances (lifecycle, seat
     * confirmations, evaluation day, venue duties, hand-over legs, clue).
     *
     * @param historyTerms searched in runtime and history records
     * @param taskTerms searched in the open tasks (their identity links name a center before the fix)
     */
    private void searchEngine(Hits hits, Map<String, String> historyTerms, Map<String, String> taskTerms) throws Exception {
        List<String> instances = ids(engine("/engine-rest/history/process-instance?processInstanceBusinessKey=" + tenderId,
                hits, historyTerms));
        List<String> running = ids(engine("/engine-rest/process-instance?businessKey=" + tenderId, hits, historyTerms));
        assertThat(instances).as("the tender's process instances").hasSizeGreaterThanOrEqualTo(5);
        for (String instance : instances) {
            engine("/engine-rest/history/process-instance/" + instance, hits, historyTerms);
            engine("/engine-rest/history/activity-instance?processInstanceId=" + instance, hits, historyTerms);
            engine("/engine-rest/history/variable-instance?processInstanceId=" + instance + "&deserializeValues=true", hits,
                    historyTerms);
            engine("/engine-rest/history/detail?processInstanceId=" + instance + "&deserializeValues=true", hits, historyTerms);
            engine("/engine-rest/history/user-operation?processInstanceId=" + instance, hits, historyTerms);
            engine("/engine-rest/history/incident?processInstanceId=" + instance, hits, historyTerms);
            engine("/engine-rest/history/job-log?processInstanceId=" + instance, hits, historyTerms);
            engine("/engine-rest/history/external-task-log?processInstanceId=" + instance, hits, historyTerms);
            engine("/engine-rest/incident?processInstanceId=" + instance, hits, historyTerms);
            engine("/engine-rest/job?processInstanceId=" + instance, hits, historyTerms);
            engine("/engine-rest/external-task?processInstanceId=" + instance, hits, historyTerms);
            engine("/engine-rest/variable-instance?processInstanceIdIn=" + instance + "&deserializeValues=true", hits,
                    historyTerms);
            for (String task : ids(engine("/engine-rest/history/task?processInstanceId=" + instance, hits, historyTerms))) {
                engine("/engine-rest/history/identity-link-log?taskId=" + task, hits, historyTerms);
                engine("/engine-rest/authorization?resourceType=7&resourceId=" + task, hits, historyTerms);
            }
            for (String task : ids(engine("/engine-rest/task?processInstanceId=" + instance, hits, taskTerms))) {
                engine("/engine-rest/task/" + task, hits, taskTerms);
                engine("/engine-rest/task/" + task + "/variables", hits, taskTerms);
                engine("/engine-rest/task/" + task + "/identity-links", hits, taskTerms);
                engine("/engine-rest/task/" + task + "/form-variables", hits, taskTerms);
            }
        }
        for (String instance : running) {
            engine("/engine-rest/process-instance/" + instance, hits, historyTerms);
            engine("/engine-rest/process-instance/" + instance + "/variables?deserializeValues=true", hits, historyTerms);
            engine("/engine-rest/process-instance/" + instance + "/activity-instances", hits, historyTerms);
        }
        String group = URLEncoder.encode(canary.staffGroup(), StandardCharsets.UTF_8);
        engine("/engine-rest/history/identity-link-log?groupId=" + group, hits, taskTerms);
        // Camunda grants every group READ on itself when the group is saved: that entry is the identity store's.
        JsonNode authorizations = json.readTree(http.body("demo", "/engine-rest/authorization?groupIdIn=" + group));
        for (JsonNode authorization : authorizations) {
            if (!(authorization.path("resourceType").asInt() == 2
                    && canary.staffGroup().equals(authorization.path("resourceId").asText()))) {
                hits.search("GET /engine-rest/authorization?groupIdIn=" + group + " as demo, entry " + authorization.path("id").asText(),
                        authorization.toString(), taskTerms);
            }
        }
        engine("/engine-rest/task?candidateGroup=" + group, hits, taskTerms);
        engine("/engine-rest/filter", hits, taskTerms);
        for (String deployment : ids(engine("/engine-rest/deployment", hits, historyTerms))) {
            engine("/engine-rest/deployment/" + deployment + "/resources", hits, historyTerms);
        }
    }

    private String engine(String path, Hits hits, Map<String, String> terms) {
        HttpResponse<String> response = http.get("demo", path);
        hits.search("GET " + path + " as demo (" + response.statusCode() + ")", response.body(), terms);
        return response.statusCode() == 200 ? response.body() : "[]";
    }

    private List<String> ids(String body) throws IOException {
        JsonNode node = json.readTree(body);
        List<String> ids = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> ids.add(n.path("id").asText()));
        }
        return ids;
    }

    /** The application log file of the test run and its rolled-over archives. */
    private void searchLog(Hits hits, Map<String, String> terms) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(LOG_DIRECTORY)) {
            files = listed.filter(p -> p.getFileName().toString().startsWith(LOG_FILE)).sorted().toList();
        }
        assertThat(files).as("the application log file").isNotEmpty();
        Set<String> searched = new LinkedHashSet<>();
        boolean tenderLogged = false;
        for (Path file : files) {
            String text;
            try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            searched.add(file.toString());
            int number = 0;
            for (String line : text.lines().toList()) {
                number++;
                hits.search("log " + file + ":" + number, line, terms);
                tenderLogged |= line.contains(tenderId);
            }
        }
        assertThat(searched).isNotEmpty();
        assertThat(tenderLogged).as("the log file searched is the one the application writes (it names the tender)").isTrue();
    }

    // --- helpers

    /** As the center's staff, who also hold the anonymous group of the session their center hosts (as the engine filter gives it). */
    private void as(String center, Runnable action) throws Exception {
        EngineActor.as(identity, userOf(center), groupsOf(center), action);
    }

    private <T> T as(String center, Callable<T> action) throws Exception {
        return EngineActor.as(identity, userOf(center), groupsOf(center), action);
    }

    private List<String> groupsOf(String center) {
        String session = sessionOfCenter == null ? null : sessionOfCenter.get(center);
        return session == null ? List.of(Groups.staffOf(center)) : List.of(Groups.staffOf(center), Groups.venueSession(session));
    }

    private String userOf(String center) {
        return center.equals(canary.centerCode()) ? canary.staffUser() : "staff-" + center.toLowerCase(Locale.ROOT);
    }

    private String venueInstance(String sessionCode) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("venue-duties").processInstanceBusinessKey(tenderId)
                .list().stream().filter(p -> sessionCode.equals(runtime.getVariable(p.getId(), "sessionCode")))
                .map(ProcessInstance::getId).findFirst().orElseThrow(() -> new AssertionError("no venue duties for " + sessionCode));
    }

    private Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private void awaitState(String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }
}
