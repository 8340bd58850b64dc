package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Persisted;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * What the expert draw needs from a tender: specialties the pool knows, the pool's own shortage
 * feeding the scope decision (policy 一(5)), the tenderer's representatives at most a third, the
 * organisations for the exclusions, and the bidders recorded at bid opening.
 */
@RemoteEvalIntegrationTest
class TenderCommitteeIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    Persisted persisted;

    @Test
    void aSpecialtyThePoolHoldsTooFewExpertsOfMakesTheTenderCrossProvince() throws Exception {
        String rare = "Z" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        api.post("pool-admin", "/api/specialties", Map.of("code", rare, "name", "稀缺专业")).andExpect(status().isCreated());

        JsonNode tender = api.register(TenderBody.valid().with("committee", Map.of("size", 5, "specialties",
                List.of(Map.of("code", "A0101", "count", 4), Map.of("code", rare, "count", 1)))));

        assertThat(tender.get("scope").asText()).isEqualTo("CROSS_PROVINCE");
        assertThat(tender.get("scopeReasons").toString()).contains("EXPERT_SHORTAGE");
        assertThat(tender.get("expertShortageFound").asBoolean()).isTrue();
        assertThat(tender.get("expertShortageAsserted").asBoolean()).isFalse();
    }

    @Test
    void aWellStockedPoolLeavesTheScopeToTheAmounts() throws Exception {
        JsonNode tender = api.register(TenderBody.valid().with("tenderer", "某某建设集团有限公司")
                .with("projectCode", "HRB-P-2036-01"));

        assertThat(tender.get("scope").asText()).isEqualTo("INTRA_PROVINCE");
        assertThat(tender.get("expertShortageFound").asBoolean()).isFalse();
        assertThat(tender.get("tenderer").asText()).isEqualTo("某某建设集团有限公司");
        assertThat(tender.get("projectCode").asText()).isEqualTo("HRB-P-2036-01");
    }

    @Test
    void moreRepresentativesThanAThirdOrAnUnknownSpecialtyAreRefusedAndNothingIsStored() throws Exception {
        // Only the tender's own tables: other tests' venue draws may run meanwhile on the job executor.
        long tenders = persisted.count("tender");
        long specialties = persisted.count("tender_specialty");

        api.post("staff-hrb", "/api/tenders", TenderBody.valid().with("committee", Map.of("size", 5,
                "tendererRepresentatives", 2, "specialties", List.of(Map.of("code", "A0101", "count", 3)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("committee.tendererRepresentatives"));
        api.post("staff-hrb", "/api/tenders", TenderBody.valid().with("committee", Map.of("size", 5,
                "specialties", List.of(Map.of("code", "Q9999999", "count", 5)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("committee.specialties[0].code"));

        assertThat(persisted.count("tender")).isEqualTo(tenders);
        assertThat(persisted.count("tender_specialty")).isEqualTo(specialties);
    }

    @Test
    void representativesLeaveTheSpecialtiesToAddUpToTheExpertsDrawn() throws Exception {
        JsonNode tender = api.register(TenderBody.valid().with("committee", Map.of("size", 7, "tendererRepresentatives", 2,
                "specialties", List.of(Map.of("code", "A0101", "count", 5)))));

        assertThat(tender.get("committee").get("tendererRepresentatives").asInt()).isEqualTo(2);
    }

    @Test
    void onlyTheMainVenuesStaffRecordTheBiddersAndDuplicatesAreRefused() throws Exception {
        String id = api.register(TenderBody.valid()).get("id").asText();

        api.post("staff-qqhr", "/api/tenders/" + id + "/bidders", Map.of("bidders", List.of("甲公司")))
                .andExpect(status().isNotFound());
        api.post("supervisor-hrb", "/api/tenders/" + id + "/bidders", Map.of("bidders", List.of("甲公司")))
                .andExpect(status().isForbidden());
        api.post("staff-hrb", "/api/tenders/" + id + "/bidders", Map.of("bidders", List.of("甲公司", "甲公司")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bidders[1]"));
        JsonNode view = api.read(api.post("staff-hrb", "/api/tenders/" + id + "/bidders",
                Map.of("bidders", List.of("甲公司", "乙公司"))).andExpect(status().isOk()));

        assertThat(view.get("bidders").get("names").toString()).isEqualTo("[\"甲公司\",\"乙公司\"]");
        assertThat(view.get("bidders").get("recordedAt").isNull()).isFalse();
    }

    @Test
    void severalTendersRegisteringAtOnceForANewSlotAllSucceed() throws Exception {
        String date = TenderBody.freshDate().toString();
        java.util.List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    statuses.add(api.post("staff-hrb", "/api/tenders", TenderBody.valid().with("evaluationDate", date))
                            .andReturn().getResponse().getStatus());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }

        assertThat(statuses).hasSize(8).containsOnly(201);
    }
}
