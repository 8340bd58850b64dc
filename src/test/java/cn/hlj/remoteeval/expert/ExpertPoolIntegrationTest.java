package cn.hlj.remoteeval.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.expert.ExpertRequests.ExpertRow;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** What the tender and the draw ask of the pool: known specialties, the shortage, the drawable experts, contacts. */
@RemoteEvalIntegrationTest
class ExpertPoolIntegrationTest {

    @Autowired
    ExpertPool pool;
    @Autowired
    ExpertContacts contacts;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    ExpertRequests requests;
    String specialty;

    @BeforeEach
    void setUp() throws Exception {
        requests = new ExpertRequests(mvc, json);
        specialty = requests.newSpecialty();
    }

    @Test
    void knowsTheSeededAndTheAddedSpecialties() {
        assertThat(pool.isKnownSpecialty("A0101")).isTrue();
        assertThat(pool.isKnownSpecialty("C0201")).isTrue();
        assertThat(pool.isKnownSpecialty(specialty)).isTrue();
        assertThat(pool.isKnownSpecialty("Q0000")).isFalse();
        assertThat(pool.isKnownSpecialty(null)).isFalse();
    }

    @Test
    void aSpecialtyIsShortBelowThreeTimesTheRequestedCount() throws Exception {
        List<ExpertRow> rows = ExpertRequests.randomRows(6, specialty, "HRB");
        requests.importCsv(rows);

        assertThat(pool.shortage(Map.of(specialty, 2))).as("6 in service, 2 × 3 needed").isFalse();
        assertThat(pool.shortage(Map.of(specialty, 3))).as("6 in service, 3 × 3 needed").isTrue();

        suspend(requests.refOf(specialty, rows.get(0).idNumber()));
        assertThat(pool.shortage(Map.of(specialty, 2))).as("5 in service, 2 × 3 needed").isTrue();
        assertThat(pool.shortage(Map.of(specialty, 1, "A0101", 3))).isFalse();
        assertThat(pool.shortage(Map.of(specialty, 1, "Q0000", 1))).as("a specialty with no expert").isTrue();
        assertThat(pool.shortage(Map.of())).isFalse();
    }

    @Test
    void theDrawableExpertsLeaveOutSuspendedDisqualifiedAndOnLeaveOnes() throws Exception {
        List<ExpertRow> rows = ExpertRequests.randomRows(5, specialty, "MDJ");
        requests.importCsv(rows);
        List<String> refs = new ArrayList<>();
        for (ExpertRow row : rows) {
            refs.add(requests.refOf(specialty, row.idNumber()));
        }
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(4 * 365));
        suspend(refs.get(1));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + refs.get(2) + "/status",
                Map.of("status", "DISQUALIFIED", "reason", "违规")).andExpect(status().isOk());
        leave(refs.get(3), day.minusDays(1), day.plusDays(1));
        leave(refs.get(4), day.plusDays(1), day.plusDays(5));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + refs.get(0) + "/relations",
                Map.of("organisation", "甲公司", "relation", "任职")).andExpect(status().isCreated());
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + refs.get(0) + "/project-participations",
                Map.of("projectCode", "P-1", "stage", "设计")).andExpect(status().isCreated());
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + refs.get(0) + "/project-participations",
                Map.of("projectCode", "P-1", "stage", "可研")).andExpect(status().isCreated());

        List<ExpertCandidate> available = pool.available(List.of(specialty), day);

        assertThat(available).extracting(ExpertCandidate::expertRef)
                .containsExactlyElementsOf(refs.stream().filter(r -> r.equals(refs.get(0)) || r.equals(refs.get(4)))
                        .sorted().toList());
        ExpertCandidate first = available.stream().filter(c -> c.expertRef().equals(refs.get(0))).findFirst().orElseThrow();
        assertThat(first.declaredRelations()).containsExactly("甲公司");
        assertThat(first.earlierProjectCodes()).containsExactly("P-1");
        assertThat(first.city()).isEqualTo("MDJ");
        assertThat(first.specialtyCode()).isEqualTo(specialty);
        assertThat(first.employer()).isEqualTo(rows.get(0).employer());
        assertThat(first.category().label()).isEqualTo(rows.get(0).category());
        assertThat(pool.available(List.of(specialty), day.plusDays(2))).as("the first leave is over, the second began")
                .extracting(ExpertCandidate::expertRef)
                .containsExactlyElementsOf(java.util.stream.Stream.of(refs.get(0), refs.get(3)).sorted().toList());
        assertThat(pool.available(List.of(), day)).isEmpty();
    }

    @Test
    void theDrawableExpertsOfSeveralSpecialtiesAreSortedByReference() throws Exception {
        String other = requests.newSpecialty();
        requests.importCsv(ExpertRequests.randomRows(4, specialty, "HRB"));
        requests.importCsv(ExpertRequests.randomRows(4, other, "QQHR"));

        List<ExpertCandidate> available = pool.available(List.of(specialty, other), LocalDate.of(2032, 6, 1));

        assertThat(available).hasSize(8).extracting(ExpertCandidate::expertRef).isSorted();
    }

    @Test
    void aContactIsDecryptedForTheNotice() throws Exception {
        ExpertRow row = ExpertRow.random(specialty, "HRB");
        requests.importCsv(List.of(row));
        String ref = requests.refOf(specialty, row.idNumber());

        ExpertContacts.ExpertContact contact = contacts.contactOf(ref).orElseThrow();

        assertThat(contact.name()).isEqualTo(row.name());
        assertThat(contact.mobile()).isEqualTo(row.mobile());
        assertThat(contact.toString()).doesNotContain(row.name()).doesNotContain(row.mobile());
        assertThat(contacts.contactOf("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    private void suspend(String ref) throws Exception {
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status",
                Map.of("status", "SUSPENDED", "reason", "暂停")).andExpect(status().isOk());
    }

    private void leave(String ref, LocalDate from, LocalDate to) throws Exception {
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/leaves",
                Map.of("from", from.toString(), "to", to.toString(), "reason", "请假")).andExpect(status().isCreated());
    }
}
