package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * Who reads a tender and the list of tenders: the main center's staff and supervisors, the provincial
 * center's staff, the DRC, operators, and the tenderer it was registered for. Everybody else gets the
 * answer an unknown tender gets (404, nothing of it), and the list shows them none of it.
 */
@RemoteEvalIntegrationTest
class TenderReadAccessIntegrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    Api api;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Test
    void aTenderIsReadByItsMainCenterTheProvinceTheDrcOperatorsAndItsTendererAndByNobodyElse() throws Exception {
        String mine = api.register(TenderBody.valid().with("mainCenter", "MDJ").with("tenderer", TenderBody.DEMO_TENDERER)
                .category("GOODS", "500000.00")).get("id").asText();
        String others = api.register(TenderBody.valid().with("mainCenter", "MDJ").with("tenderer", "另一招标人有限公司")
                .category("GOODS", "500000.00")).get("id").asText();

        for (String reader : List.of("staff-mdj", "supervisor-mdj", "staff-prov", "drc", "demo")) {
            api.get(reader, "/api/tenders/" + mine).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(mine));
            api.get(reader, "/api/tenders/" + others).andExpect(status().isOk());
        }
        api.get("tenderer", "/api/tenders/" + mine).andExpect(status().isOk());
        String unknown = api.get("staff-hrb", "/api/tenders/no-such-tender").andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        for (String[] refused : new String[][] { { "tenderer", others }, { "staff-hrb", mine }, { "supervisor-hrb", mine },
                { "supervisor-prov", mine }, { "pool-admin", mine }, { "staff-qqhr", others } }) {
            String answer = api.get(refused[0], "/api/tenders/" + refused[1]).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM)).andReturn().getResponse().getContentAsString();
            assertThat(answer).as(refused[0]).doesNotContain("MDJ").doesNotContain("招标人有限公司")
                    .isEqualTo(unknown.replace("no-such-tender", refused[1]));
        }
    }

    @Test
    void theListShowsEachReaderTheTendersTheyMayReadFilteredAndPaged() throws Exception {
        String code = "LIST-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TenderBody body = TenderBody.valid().with("mainCenter", "JMS").with("name", code + " 佳木斯标段" + i)
                    .with("tenderer", i == 0 ? TenderBody.DEMO_TENDERER : "第三方招标人" + code)
                    .category(i == 2 ? "SERVICES" : "GOODS", "500000.00");
            ids.add(api.register(body).get("id").asText());
        }

        JsonNode staff = list("staff-jms", "?q=" + code);
        assertThat(staff.get("total").asLong()).isEqualTo(3);
        // Newest first; registrations within one second (MariaDB keeps whole seconds) in any order.
        assertThat(ids(staff)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(staff.get("items").get(0).get("stateLabel").asText()).isNotBlank();
        assertThat(ids(list("supervisor-jms", "?q=" + code.toLowerCase()))).hasSize(3);
        assertThat(ids(list("drc", "?q=" + code))).hasSize(3);
        assertThat(ids(list("staff-prov", "?center=jms&q=" + code))).hasSize(3);
        assertThat(ids(list("tenderer", "?q=" + code))).containsExactly(ids.get(0));
        assertThat(list("staff-hrb", "?q=" + code).get("total").asLong()).isZero();
        assertThat(list("pool-admin", "?q=" + code).get("total").asLong()).isZero();

        assertThat(ids(list("staff-jms", "?q=" + code + "&category=SERVICES"))).containsExactly(ids.get(2));
        assertThat(ids(list("staff-jms", "?q=" + code + "&state=NOT_IN_ROLLOUT&center=JMS"))).hasSizeBetween(0, 3);
        JsonNode first = list("staff-jms", "?q=" + code + "&size=2");
        JsonNode second = list("staff-jms", "?q=" + code + "&size=2&page=1");
        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        List<String> both = new ArrayList<>(ids(first));
        both.addAll(ids(second));
        assertThat(both).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(second.get("total").asLong()).isEqualTo(3);
        String date = api.read(api.get("staff-jms", "/api/tenders/" + ids.get(0))).get("evaluationDate").asText();
        assertThat(ids(list("staff-jms", "?q=" + code + "&from=" + date + "&to=" + date))).containsExactly(ids.get(0));
    }

    @Test
    void anOperatorBindsATendererAccountWhichThenReadsThatTenderersTendersOnly() throws Exception {
        String name = "绑定测试招标人" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String theirs = api.register(TenderBody.valid().with("tenderer", name).category("GOODS", "500000.00")).get("id")
                .asText();
        String user = "tenderer-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        org.camunda.bpm.engine.identity.User account = identity.newUser(user);
        account.setPassword(user);
        identity.saveUser(account);
        identity.createMembership(user, "tenderer");

        api.get(user, "/api/tenderer-accounts/" + user).andExpect(status().isOk())
                .andExpect(jsonPath("$.tenderer").doesNotExist());
        api.get(user, "/api/tenders/" + theirs).andExpect(status().isNotFound());
        put("staff-hrb", user, "{\"tenderer\":\"" + name + "\"}").andExpect(status().isForbidden());
        put("demo", user, "{\"tenderer\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tenderer"));
        put("demo", "staff-hrb", "{\"tenderer\":\"" + name + "\"}").andExpect(status().isNotFound());

        put("demo", user, "{\"tenderer\":\" " + name + " \"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.tenderer").value(name));

        api.get(user, "/api/tenderer-accounts/" + user).andExpect(status().isOk()).andExpect(jsonPath("$.tenderer").value(name));
        api.get("demo", "/api/tenderer-accounts/tenderer").andExpect(status().isOk())
                .andExpect(jsonPath("$.tenderer").value(TenderBody.DEMO_TENDERER));
        api.get("tenderer", "/api/tenderer-accounts/" + user).andExpect(status().isForbidden());
        api.get(user, "/api/tenders/" + theirs).andExpect(status().isOk());
        api.get("tenderer", "/api/tenders/" + theirs).andExpect(status().isNotFound());
        assertThat(ids(list(user, ""))).contains(theirs).allSatisfy(id -> assertThat(
                api.read(api.get("demo", "/api/tenders/" + id)).get("tenderer").asText()).isEqualTo(name));
    }

    private org.springframework.test.web.servlet.ResultActions put(String user, String account, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/tenderer-accounts/" + account)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user,
                        user))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aBadFilterIsA400NamingTheField() throws Exception {
        for (String[] bad : new String[][] { { "center", "?center=XX" }, { "state", "?state=DONE" },
                { "category", "?category=FOOD" }, { "from", "?from=2036-02-30" }, { "to", "?from=2036-02-02&to=2036-02-01" },
                { "page", "?page=-1" }, { "size", "?size=101" }, { "size", "?size=abc" } }) {
            api.get("staff-hrb", "/api/tenders" + bad[1]).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.errors[0].field").value(bad[0]));
        }
    }

    private JsonNode list(String user, String query) throws Exception {
        return api.read(api.get(user, "/api/tenders" + query).andExpect(status().isOk()));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
