package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

@RemoteEvalIntegrationTest
class TenderRegistrationIntegrationTest {

    /** Everything a lifecycle instance may hold: the tender id and non-personal facts. */
    private static final Set<String> ALLOWED_VARIABLES = Set.of("tenderId", "sectionCode", "tenderName", "exempt",
            "exemptionReason", "explanationText", "mainCenter", "category",
            "estimatedPrice", "constructionPart", "goodsPart", "servicesPart", "expertShortage",
            "regulationRequiresCrossProvince", "evaluationDate", "halfDay", "scopeDecisionResult", "scope", "rollout",
            "explanationReceived", "venuesDrawn", "venueNegotiationDecision", "negotiatedVenuesEntered",
            // The expert draw: whether it filled the committee, its record, counts, a seat's number, an answer.
            "expertsDrawn", "expertDrawId", "expertSeatCount", "expertAnswerWindow", "expertVoiceCallAfter", "seat", "replaceFirst",
            "expertAccepted", "replacementDrawn", "expertShortageHandled", "nationalExpertDrawReference",
            // Cross-province through the exchange: whether the plan came that way, whether the partner came back short.
            "planThroughExchange", "partnerExpertsShort", "partnerExpertShortageHandled",
            "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter",
            // Deadlines (issue 6): the deadline's opaque id, when it is breached, the supervisor's follow-up.
            "deadlineId", "deadlineDueAt", "overdueFollowUpMeasure", "overdueFollowedUp",
            // The evaluation day: session codes (RS-…), seat numbers, choices and flags; never a center or an expert.
            "venueSessions", "sessionCode", "supervisorOnSite", "sessionStartedAt", "workstationsReady",
            "audioVideoConnected", "mealsAndLodgingArranged", "expertsPresent", "noShowSeats", "identitiesVerified",
            "noShowsFound", "reportSigned", "allSigned", "missingSignatureSeats", "missingSignaturesCollected",
            "evaluationEnded", "incidentId", "incidentKind", "incidentMeasure", "incidentResolved",
            // Hand-overs and clues (module handover): opaque ids, the waited deadline, structured form fields.
            "subVenueHandovers", "handoverId", "tendererHandoverId",
            "medium", "itemCount", "handedOverAt", "checksumsVerified", "receivedAt", "supervisionAction", "clueId",
            "foundOn", "clueReceived", "transferBody", "transferredOn", "referenceNumber");

    @Autowired
    Api api;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void registersAnIntraProvinceServicesTenderAndStartsItsLifecycleKeyedByTenderId() throws Exception {
        TenderBody body = TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER);

        JsonNode created = api.read(api.post("staff-hrb", "/api/tenders", body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/tenders/")))
                .andExpect(jsonPath("$.sectionCode").value(body.sectionCode()))
                .andExpect(jsonPath("$.estimatedPrice").value("9000000.00"))
                .andExpect(jsonPath("$.scope").value("INTRA_PROVINCE"))
                .andExpect(jsonPath("$.scopeReasons[0]").value("BELOW_THRESHOLDS"))
                .andExpect(jsonPath("$.rollout").value("REMOTE"))
                .andExpect(jsonPath("$.state").value("AWAITING_VENUE_DRAW")));
        String id = created.get("id").asText();

        api.get("tenderer", "/api/tenders/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.committee.size").value(5))
                .andExpect(jsonPath("$.committee.specialties[1].code").value("C0201"));

        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(instance).hasPassed("DecideScope", "RecordScopeDecision", "AssessRollout");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "CONSTRUCTION, 99999999.99,  INTRA_PROVINCE, BELOW_THRESHOLDS",
            "CONSTRUCTION, 100000000.00, CROSS_PROVINCE, CONSTRUCTION_THRESHOLD",
            "GOODS,        19999999.99,  INTRA_PROVINCE, BELOW_THRESHOLDS",
            "GOODS,        20000000.00,  CROSS_PROVINCE, GOODS_THRESHOLD",
            "SERVICES,     9999999.99,   INTRA_PROVINCE, BELOW_THRESHOLDS",
            "SERVICES,     10000000.00,  CROSS_PROVINCE, SERVICES_THRESHOLD" })
    void decidesTheScopeExactlyAtEachThresholdThroughTheApi(String category, String price, String scope,
            String reason) throws Exception {
        api.post("staff-hrb", "/api/tenders", TenderBody.valid().category(category, price))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scope").value(scope))
                .andExpect(jsonPath("$.scopeReasons.length()").value(1))
                .andExpect(jsonPath("$.scopeReasons[0]").value(reason));
    }

    @Test
    void decidesEpcCrossProvinceWhenOnlyOnePartReachesItsThreshold() throws Exception {
        api.post("staff-hrb", "/api/tenders", TenderBody.valid().epc("99999999.99", "19999999.99", "10000000.00")
                .with("estimatedPrice", "130000000.00"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scope").value("CROSS_PROVINCE"))
                .andExpect(jsonPath("$.scopeReasons").value(org.hamcrest.Matchers.contains("EPC_SERVICES_PART_THRESHOLD")))
                .andExpect(jsonPath("$.epcParts.services").value("10000000.00"));
    }

    @Test
    void listsEveryRuleThatFired() throws Exception {
        api.post("staff-hrb", "/api/tenders", TenderBody.valid().category("GOODS", "25000000.00")
                .with("expertShortageAsserted", true).with("regulationRequiresCrossProvince", true))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scope").value("CROSS_PROVINCE"))
                .andExpect(jsonPath("$.scopeReasons").value(org.hamcrest.Matchers.contains("GOODS_THRESHOLD",
                        "EXPERT_SHORTAGE", "REGULATION_REQUIRES_CROSS_PROVINCE")));
    }

    @Test
    void crossProvinceTenderIsNotSubjectToTheRollout() throws Exception {
        // Construction is not live in the shipped rollout; cross-province does not ask it.
        JsonNode created = api.register(TenderBody.valid().category("CONSTRUCTION", "150000000.00"));

        assertThat(created.get("rollout").asText()).isEqualTo("REMOTE");
        assertThat(created.get("state").asText()).isEqualTo("AWAITING_PARTNER_ASSIGNMENT");
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(created.get("id").asText()).singleResult();
        assertThat(instance).isWaitingAt("AwaitPartnerAssignment").hasNotPassed("AssessRollout", "DrawVenues");
    }

    @Test
    void keepsAnIntraProvinceTenderOutsideTheRolloutInItsOwnState() throws Exception {
        JsonNode created = api.register(TenderBody.valid().category("GOODS", "500000.00"));
        String id = created.get("id").asText();

        assertThat(created.get("scope").asText()).isEqualTo("INTRA_PROVINCE");
        assertThat(created.get("rollout").asText()).isEqualTo("NOT_IN_ROLLOUT");
        api.get("staff-hrb", "/api/tenders/" + id).andExpect(jsonPath("$.state").value("NOT_IN_ROLLOUT"));
        var finished = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(finished.getEndActivityId()).isEqualTo("NotInRollout");
    }

    @Test
    void processVariablesHoldOnlyTheTenderIdAndNonPersonalFacts() throws Exception {
        JsonNode created = api.register(TenderBody.valid().exemption("OTHER", "涉及特殊工艺"));
        api.register(TenderBody.valid().category("CONSTRUCTION", "150000000.00"));

        // The lifecycle's variables; other processes (e.g. the capacity check) keep their own facts.
        Set<String> names = history.createHistoricVariableInstanceQuery().processDefinitionKey("tender-lifecycle")
                .list().stream()
                .map(v -> v.getName()).collect(Collectors.toSet());
        assertThat(names).isSubsetOf(ALLOWED_VARIABLES);
        String id = created.get("id").asText();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult()).isNotNull();
    }

    @Test
    void storesRegistrationTimeWithoutShiftingItsZone() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        JsonNode created = api.register(TenderBody.valid());

        JsonNode read = api.read(api.get("staff-hrb", "/api/tenders/" + created.get("id").asText()));
        Instant registeredAt = Instant.parse(read.get("registeredAt").asText());
        assertThat(registeredAt).isBetween(before, Instant.now().plusSeconds(2));
    }

    @Test
    void recordsWhoRegisteredWhatAndWhenInTheAuditLog() throws Exception {
        TenderBody body = TenderBody.valid();
        String id = api.register(body).get("id").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> registration(audit.entriesFor("TENDER", id)).size() >= 2);
        // The venue draw that follows registration writes its own entries; only the registration's are looked at here.
        List<AuditEntry> entries = registration(audit.entriesFor("TENDER", id));
        assertThat(entries).extracting(AuditEntry::action).containsExactlyInAnyOrder("TENDER_REGISTERED", "TENDER_CLASSIFIED");
        AuditEntry registered = entries.stream().filter(e -> e.action().equals("TENDER_REGISTERED")).findFirst().orElseThrow();
        assertThat(registered.actor()).isEqualTo("staff-hrb");
        assertThat(registered.detail()).contains(body.sectionCode()).contains("HRB");
        api.get("demo", "/api/audit/tenders/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.action == 'TENDER_REGISTERED')]").exists())
                .andExpect(jsonPath("$[?(@.action == 'TENDER_CLASSIFIED')]").exists());
        api.get("staff-hrb", "/api/audit/tenders/" + id).andExpect(status().isForbidden());
    }

    @Test
    void auditKeepsUpWithConcurrentRegistrations() throws Exception {
        int clients = 8;
        int perClient = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
        for (int i = 0; i < clients * perClient; i++) {
            ids.add(pool.submit(() -> api.register(TenderBody.valid()).get("id").asText()));
        }
        List<String> registered = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<String> id : ids) {
            registered.add(id.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(registered)
                .allSatisfy(id -> assertThat(registration(audit.entriesFor("TENDER", id))).hasSize(2)));
    }

    private static List<AuditEntry> registration(List<AuditEntry> entries) {
        return entries.stream().filter(e -> e.action().equals("TENDER_REGISTERED") || e.action().equals("TENDER_CLASSIFIED"))
                .toList();
    }

    @Test
    void answersNotFoundForAnUnknownTender() throws Exception {
        api.get("staff-hrb", "/api/tenders/does-not-exist")
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.title").value("未找到"));
    }
}
