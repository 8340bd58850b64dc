package cn.hlj.remoteeval.expert;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.expert.ExpertRequests.ExpertRow;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** Only the pool administrators see experts' personal data or change the pool: everybody else gets 403, anonymous callers 401. */
@RemoteEvalIntegrationTest
class ExpertAccessIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    ExpertRequests requests;
    String specialty;
    String ref;

    @BeforeEach
    void setUp() throws Exception {
        requests = new ExpertRequests(mvc, json);
        specialty = requests.newSpecialty();
        ExpertRow row = ExpertRow.random(specialty, "HRB");
        requests.importCsv(List.of(row));
        ref = requests.refOf(specialty, row.idNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = { "staff-hrb", "staff-prov", "supervisor-hrb", "demo", "drc", "tenderer" })
    void everybodyButThePoolAdministratorsIsRefused(String user) throws Exception {
        requests.get(user, "/api/experts").andExpect(status().isForbidden());
        requests.get(user, "/api/experts/" + ref).andExpect(status().isForbidden());
        requests.get(user, "/api/experts/" + ref + "/history").andExpect(status().isForbidden());
        requests.get(user, "/api/experts/imports").andExpect(status().isForbidden());
        requests.upload(user, "专家.csv", ExpertRequests.csv(List.of(ExpertRow.random(specialty, "HRB"))))
                .andExpect(status().isForbidden());
        requests.post(user, "/api/experts/" + ref + "/status", Map.of("status", "SUSPENDED", "reason", "x"))
                .andExpect(status().isForbidden());
        requests.post(user, "/api/experts/" + ref + "/leaves",
                Map.of("from", "2032-01-01", "to", "2032-01-02", "reason", "x")).andExpect(status().isForbidden());
        requests.post(user, "/api/experts/" + ref + "/relations", Map.of("organisation", "某单位", "relation", "任职"))
                .andExpect(status().isForbidden());
        requests.post(user, "/api/experts/" + ref + "/project-participations", Map.of("projectCode", "P", "stage", "设计"))
                .andExpect(status().isForbidden());
        requests.delete(user, "/api/experts/" + ref + "/leaves/1").andExpect(status().isForbidden());
        requests.post(user, "/api/specialties", Map.of("code", ExpertRequests.uniqueSpecialtyCode(), "name", "x"))
                .andExpect(status().isForbidden());
        requests.get(user, "/api/specialties").andExpect(status().isOk());
        requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/experts", "/api/experts/imports", "/api/specialties" })
    void anonymousCallersMustLogIn(String path) throws Exception {
        mvc.perform(MockMvcRequestBuilders.get(path)).andExpect(status().isUnauthorized());
        mvc.perform(MockMvcRequestBuilders.get("/api/experts/" + ref)).andExpect(status().isUnauthorized());
    }
}
