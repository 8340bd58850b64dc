package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The expert draw through the real lifecycle, pool, outbox and database: the committee filled for
 * the venue plan, answers by reply code, supplementary draws for a decline, a timeout, a no-show and
 * a conflict found at bid opening, concurrent draws for one half-day, and the unsealing at the end.
 */
@RemoteEvalIntegrationTest
class ExpertDrawIntegrationTest {

    private static final Pattern REPLY_CODE = Pattern.compile("“1 ([0-9A-Z]{12})”");

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    ExpertDrawService draws;
    @Autowired
    ExpertPool pool;
    @Autowired
    CommitteeSeats committeeSeats;
    @Autowired
    ExpertContacts contacts;
    @Autowired
    cn.hlj.remoteeval.testsupport.EngineRest engineRest;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theDrawInvitesOneExpertPerSeatOfTheVenuePlanFromTheSeatsOwnCityAndTellsEachBySms() throws Exception {
        String tenderId = committeeDrawn(TenderBody.valid().with("committee", committee(7, 0)));

        List<CommitteeSeat> seats = holding(tenderId);
        assertThat(seats).hasSize(7).allSatisfy(seat -> {
            assertThat(seat.state()).isEqualTo(SeatState.INVITED);
            assertThat(seat.expertCity()).isEqualTo(seat.center());
        });
        assertThat(seats).extracting(CommitteeSeat::seatNo).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
        assertThat(seats).extracting(CommitteeSeat::expertRef).doesNotHaveDuplicates();
        Map<String, Long> byCenter = seats.stream().collect(Collectors.groupingBy(CommitteeSeat::center, TreeMap::new,
                Collectors.counting()));
        assertThat(byCenter).isEqualTo(bookedSeats(tenderId));
        assertThat(seats.stream().filter(s -> s.expertCity().equals("HRB")).count()).isLessThanOrEqualTo(7 / 3);
        assertThat(seats).allSatisfy(seat -> assertThat(smsTo(seat)).contains("评标时间").doesNotContain(tenderId)
                .doesNotContain(TenderBody.valid().asMap().get("name").toString()));
        assertThat(seatInstances(tenderId)).hasSize(7);
        String drawId = api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("expertDrawId").asText();
        assertThat(jdbc.sql("SELECT kind FROM draw_record WHERE id = ?").param(drawId).query(String.class).single())
                .isEqualTo("EXPERT");
        // Where each seat sits and the expert's city are sealed in the table; the module opens them.
        Map<String, String> storedCenters = new TreeMap<>();
        jdbc.sql("SELECT id, center_code, expert_city FROM committee_seat WHERE tender_id = ?").param(tenderId)
                .query((rs, row) -> storedCenters.put(rs.getString("id"), rs.getString("center_code") + " "
                        + rs.getString("expert_city"))).list();
        assertThat(seats).allSatisfy(seat -> assertThat(storedCenters.get(seat.id()))
                .matches("v1:[A-Za-z0-9+/=]{40,} v1:[A-Za-z0-9+/=]{40,}"));
    }

    @Test
    void aTenderersRepresentativesTakeMainVenueSeatsAndAreNotDrawn() throws Exception {
        String tenderId = committeeDrawn(TenderBody.valid().with("committee", committee(7, 2)));

        assertThat(holding(tenderId)).hasSize(5);
        assertThat(seatInstances(tenderId)).hasSize(5);
    }

    @Test
    void everySeatAcceptedMakesTheTenderReadyAndTheCommitteeStaysSealedUntilTheEnd() throws Exception {
        String tenderId = committeeDrawn(TenderBody.valid().with("committee", committee(5, 0)));

        for (CommitteeSeat seat : holding(tenderId)) {
            answer(seat, "ACCEPT").andExpect(status().isOk());
        }

        awaitState(tenderId, "EVALUATING");
        assertThat(seatInstances(tenderId)).isEmpty();
        api.get("supervisor-hrb", "/api/tenders/" + tenderId + "/committee").andExpect(status().isConflict());
        api.get("staff-hrb", "/api/tenders/" + tenderId + "/committee").andExpect(status().isForbidden());

        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> events.publishEvent(new EvaluationEnded(tenderId, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api
                .get("supervisor-hrb", "/api/tenders/" + tenderId + "/committee").andExpect(status().isOk()));
        JsonNode members = api.read(api.get("supervisor-hrb", "/api/tenders/" + tenderId + "/committee"));
        assertThat(members).hasSize(5);
        String drawId = api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("expertDrawId").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.read(
                api.get("staff-hrb", "/api/draws/" + drawId + "/verification")).get("verified").asBoolean()).isTrue());
    }

    @Test
    void aDeclineAndAnUnansweredInvitationEachGetOneSupplementaryDrawNeverARepeatExpert() throws Exception {
        String tenderId = committeeDrawn(TenderBody.valid().with("committee", committee(5, 0)));
        CommitteeSeat declined = seat(tenderId, 1);
        CommitteeSeat silent = seat(tenderId, 2);

        answer(declined, "DECLINE").andExpect(status().isOk());
        awaitReplaced(tenderId, declined);
        Job timer = management.createJobQuery().processInstanceId(seatInstance(tenderId, 2).getId()).timers()
                .activityId("AnswerWindowElapsed").singleResult();
        management.executeJob(timer.getId());
        awaitReplaced(tenderId, silent);

        List<CommitteeSeat> all = all(tenderId);
        assertThat(all).hasSize(7).extracting(CommitteeSeat::expertRef).doesNotHaveDuplicates();
        assertThat(all).filteredOn(s -> s.id().equals(declined.id())).singleElement()
                .extracting(CommitteeSeat::state).isEqualTo(SeatState.DECLINED);
        assertThat(all).filteredOn(s -> s.id().equals(silent.id())).singleElement()
                .extracting(CommitteeSeat::state).isEqualTo(SeatState.NO_ANSWER);
        CommitteeSeat replacement = seat(tenderId, 1);
        assertThat(replacement.center()).isEqualTo(declined.center());
        assertThat(replacement.specialty()).isEqualTo(declined.specialty());
        answer(declined, "ACCEPT").andExpect(status().isConflict());
    }

    @Test
    void aNoShowOnTheDayGetsOneSupplementaryDraw() throws Exception {
        String tenderId = committeeDrawn(TenderBody.valid().with("committee", committee(5, 0)));
        for (CommitteeSeat seat : holding(tenderId)) {
            answer(seat, "ACCEPT").andExpect(status().isOk());
        }
        awaitState(tenderId, "EVALUATING");
        CommitteeSeat absent = seat(tenderId, 3);

        draws.noShow(tenderId, absent.center(), 3, "staff-" + absent.center().toLowerCase());

        // On the day the evaluation goes on while the seat is refilled.
        awaitReplaced(tenderId, absent);
        assertThat(all(tenderId)).filteredOn(s -> s.id().equals(absent.id())).singleElement()
                .extracting(CommitteeSeat::state).isEqualTo(SeatState.NO_SHOW);
        answer(seat(tenderId, 3), "ACCEPT").andExpect(status().isOk());
        awaitState(tenderId, "EVALUATING");
    }

    @Test
    void anExpertWorkingForABidderIsExcludedAtBidOpeningAndReplaced() throws Exception {
        String tenderId = committeeDrawn(TenderBody.valid().with("committee", committee(5, 0)));
        CommitteeSeat conflicted = seat(tenderId, 4);
        String employer = pool.available(Set.of(conflicted.specialty()), conflicted.slot().date()).stream()
                .filter(c -> c.expertRef().equals(conflicted.expertRef())).map(ExpertCandidate::employer).findFirst()
                .orElseThrow();

        api.post("staff-hrb", "/api/tenders/" + tenderId + "/bidders", Map.of("bidders", List.of("无关公司", employer)))
                .andExpect(status().isOk());

        awaitReplaced(tenderId, conflicted);
        assertThat(all(tenderId)).filteredOn(s -> s.id().equals(conflicted.id())).singleElement()
                .extracting(CommitteeSeat::state).isEqualTo(SeatState.EXCLUDED);
        String newEmployer = pool.available(Set.of(conflicted.specialty()), conflicted.slot().date()).stream()
                .filter(c -> c.expertRef().equals(seat(tenderId, 4).expertRef())).map(ExpertCandidate::employer)
                .findFirst().orElseThrow();
        assertThat(newEmployer).isNotEqualTo(employer);
    }

    @Test
    void answersWithAnUnknownCodeOrAnUnknownAnswerAreRefused() throws Exception {
        api.postAnonymous("/api/expert-invitations/0000000000ZZ/answer", "{\"answer\":\"ACCEPT\"}")
                .andExpect(status().isNotFound());
        api.postAnonymous("/api/expert-invitations/0000000000ZZ/answer", "{\"answer\":\"MAYBE\"}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void concurrentDrawsForOneHalfDayNeverSeatAnExpertTwice() throws Exception {
        java.time.LocalDate date = TenderBody.freshDate();
        List<String> tenderIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tenderIds.add(api.register(TenderBody.valid().with("evaluationDate", date.toString())
                    .with("committee", committee(5, 0))).get("id").asText());
        }
        for (String tenderId : tenderIds) {
            awaitState(tenderId, "AWAITING_EXPERT_DRAW");
        }
        List<Thread> threads = new ArrayList<>();
        for (String tenderId : tenderIds) {
            Thread thread = new Thread(() -> fireExpertDrawTimer(tenderId));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        for (String tenderId : tenderIds) {
            awaitState(tenderId, "AWAITING_EXPERT_CONFIRMATIONS");
        }

        List<String> busy = jdbc.sql("SELECT expert_ref FROM committee_seat WHERE busy_slot = ?")
                .param(date + " AM").query(String.class).list();
        assertThat(busy).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void neitherTheEngineNorTheTenderApiNorTheLogNamesADrawnExpertOrWhereTheySit() throws Exception {
        String tenderId = committeeDrawn(TenderBody.valid().with("committee", committee(5, 0)));
        List<CommitteeSeat> seats = holding(tenderId);
        answer(seats.get(0), "DECLINE").andExpect(status().isOk());
        awaitReplaced(tenderId, seats.get(0));
        for (CommitteeSeat seat : holding(tenderId)) {
            answer(seat, "ACCEPT").andExpect(status().isOk());
        }
        awaitState(tenderId, "EVALUATING");

        List<String> secrets = new ArrayList<>();
        for (CommitteeSeat seat : all(tenderId)) {
            ExpertContacts.ExpertContact contact = contacts.contactOf(seat.expertRef()).orElseThrow();
            secrets.add(seat.expertRef());
            secrets.add(contact.name());
            secrets.add(contact.mobile());
        }
        String processInstance = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult().getId();
        StringBuilder seen = new StringBuilder();
        seen.append(engineRest.body("demo", "/engine-rest/history/variable-instance?processInstanceId=" + processInstance));
        seen.append(engineRest.body("demo", "/engine-rest/history/variable-instance?processDefinitionKey=expert-seat-confirmation"));
        seen.append(engineRest.body("demo", "/engine-rest/history/activity-instance?processInstanceId=" + processInstance));
        seen.append(engineRest.body("demo", "/engine-rest/history/incident?processDefinitionKey=expert-seat-confirmation"));
        seen.append(api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).toString());
        seen.append(java.nio.file.Files.readString(java.nio.file.Path.of("target/remote-eval-test.log")));
        assertThat(secrets).allSatisfy(secret -> assertThat(seen.toString()).doesNotContain(secret));
    }

    // --- helpers

    private String committeeDrawn(TenderBody body) throws Exception {
        String tenderId = api.register(body).get("id").asText();
        awaitState(tenderId, "AWAITING_EXPERT_DRAW");
        fireExpertDrawTimer(tenderId);
        awaitState(tenderId, "AWAITING_EXPERT_CONFIRMATIONS");
        await().atMost(Duration.ofSeconds(20)).until(() -> seatInstances(tenderId).size() == holding(tenderId).size());
        return tenderId;
    }

    private void fireExpertDrawTimer(String tenderId) {
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers().activityId("AwaitExpertDraw")
                .singleResult();
        management.executeJob(timer.getId());
    }

    private List<ProcessInstance> seatInstances(String tenderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("expert-seat-confirmation")
                .processInstanceBusinessKey(tenderId).list();
    }

    private ProcessInstance seatInstance(String tenderId, int seat) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("expert-seat-confirmation")
                .processInstanceBusinessKey(tenderId).variableValueEquals("seat", (long) seat).singleResult();
    }

    private List<CommitteeSeat> holding(String tenderId) {
        return committeeSeats.holding(tenderId);
    }

    private List<CommitteeSeat> all(String tenderId) {
        return committeeSeats.all(tenderId);
    }

    private CommitteeSeat seat(String tenderId, int seatNo) {
        return holding(tenderId).stream().filter(s -> s.seatNo() == seatNo).findFirst().orElseThrow();
    }


    private void awaitReplaced(String tenderId, CommitteeSeat vacated) {
        await().atMost(Duration.ofSeconds(30)).until(() -> holding(tenderId).stream()
                .anyMatch(s -> s.seatNo() == vacated.seatNo() && !s.id().equals(vacated.id())));
    }

    private String smsTo(CommitteeSeat seat) {
        String encrypted = jdbc.sql("SELECT text_enc FROM sms_outbox WHERE idempotency_key = ?")
                .param("invite:" + seat.id()).query(String.class).single();
        return cipher.decrypt(encrypted);
    }

    private org.springframework.test.web.servlet.ResultActions answer(CommitteeSeat seat, String answer) throws Exception {
        Matcher code = REPLY_CODE.matcher(smsTo(seat));
        assertThat(code.find()).isTrue();
        return api.postAnonymous("/api/expert-invitations/" + code.group(1) + "/answer",
                "{\"answer\":\"" + answer + "\"}");
    }

    private Map<String, Long> bookedSeats(String tenderId) {
        Map<String, Long> booked = new TreeMap<>();
        jdbc.sql("SELECT w.center_code, COUNT(*) AS seats FROM workstation_booking b JOIN workstation w "
                + "ON w.id = b.workstation_id WHERE b.holder_ref = ? GROUP BY w.center_code").param(tenderId)
                .query((rs, row) -> booked.put(rs.getString("center_code"), rs.getLong("seats"))).list();
        return booked;
    }

    private void awaitState(String tenderId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }

    private static Map<String, Object> committee(int size, int representatives) {
        return Map.of("size", size, "tendererRepresentatives", representatives,
                "specialties", List.of(Map.of("code", "A0101", "count", size - representatives)));
    }
}
