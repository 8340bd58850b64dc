package cn.hlj.remoteeval.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** The specialty classification: seeded, listed to everybody, extended by the pool administrators. */
@RemoteEvalIntegrationTest
class SpecialtiesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    ExpertRequests requests;

    @BeforeEach
    void setUp() {
        requests = new ExpertRequests(mvc, json);
    }

    private Map<String, JsonNode> listed(String user) throws Exception {
        Map<String, JsonNode> byCode = new HashMap<>();
        requests.read(requests.get(user, "/api/specialties").andExpect(status().isOk()))
                .forEach(s -> byCode.put(s.get("code").asText(), s));
        return byCode;
    }

    @Test
    void everyUserSeesTheSeededClassificationWithTheCodesTheTendersUse() throws Exception {
        Map<String, JsonNode> specialties = listed("tenderer");

        assertThat(specialties).containsKeys("A01", "A0101", "A080101", "A06", "B01", "B02", "C0201", "C020114", "C0402",
                "C0502");
        assertThat(specialties.get("A0101").get("name").asText()).isEqualTo("国民经济和社会发展规划");
        assertThat(specialties.get("A0101").get("parentCode").asText()).isEqualTo("A01");
        assertThat(specialties.get("A01").get("parentCode").isNull()).isTrue();
        assertThat(specialties.get("A06").get("name").asText()).isEqualTo("工程造价");
        assertThat(specialties.values().stream().filter(s -> s.get("code").asText().matches("[ABC].*")).count())
                .isBetween(40L, 70L);
    }

    @Test
    void thePoolAdministratorsExtendTheClassification() throws Exception {
        String code = ExpertRequests.uniqueSpecialtyCode().substring(0, 7);
        requests.post(ExpertRequests.ADMIN, "/api/specialties", Map.of("code", code, "name", "新专业"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/specialties/" + code));
        requests.post(ExpertRequests.ADMIN, "/api/specialties",
                Map.of("code", code.toLowerCase() + "01", "name", "新专业下级", "parentCode", code))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value(code + "01"))
                .andExpect(jsonPath("$.parentCode").value(code));

        Map<String, JsonNode> specialties = listed("staff-hrb");
        assertThat(specialties.get(code + "01").get("name").asText()).isEqualTo("新专业下级");
        requests.get("staff-hrb", "/api/specialties/" + code).andExpect(status().isOk());
        requests.get("staff-hrb", "/api/specialties/Q9").andExpect(status().isNotFound());
    }

    @Test
    void aDuplicateCodeIsAConflictAndABadOneIsNamed() throws Exception {
        requests.post(ExpertRequests.ADMIN, "/api/specialties", Map.of("code", "A0101", "name", "重复"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("code"));
        requests.post(ExpertRequests.ADMIN, "/api/specialties", Map.of("code", "AB12", "name", "")).andExpect(
                status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
        requests.post(ExpertRequests.ADMIN, "/api/specialties", Map.of("code", "A1234567890", "name", "太长"))
                .andExpect(status().isBadRequest());
        requests.post(ExpertRequests.ADMIN, "/api/specialties",
                Map.of("code", ExpertRequests.uniqueSpecialtyCode(), "name", "x", "parentCode", "Q99"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        requests.post(ExpertRequests.ADMIN, "/api/specialties",
                Map.of("code", ExpertRequests.uniqueSpecialtyCode(), "name", "x", "parentCode", "A01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
    }
}
