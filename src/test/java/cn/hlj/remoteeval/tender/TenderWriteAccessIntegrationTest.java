package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The write endpoints of a tender answer whoever may not read it exactly as an unknown tender (404,
 * nothing of it, not even its main center), and whoever may read but not write 403. The written
 * explanation of an exempt tender is filed by its main center's supervisors or by a tenderer account
 * bound to its tenderer, never by any other tenderer account.
 */
@RemoteEvalIntegrationTest
class TenderWriteAccessIntegrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    Api api;

    private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    private Map<String, Map<String, Object>> writes() {
        return Map.of("winner", Map.of("winningBidder", "某公司", "decidedOn", today),
                "evaluation-slot", Map.of("evaluationDate", TenderBody.freshDate().toString(), "halfDay", "PM"),
                "withdrawal", Map.of("reason", "招标项目取消"),
                "bidders", Map.of("bidders", List.of("甲公司")),
                "exemption-explanation", Map.of("explanation", "说明", "submittedOn", today));
    }

    @Test
    void whoMayNotReadATenderGetsTheUnknownTenders404FromEveryWriteEndpoint() throws Exception {
        String id = exemptTender(TenderBody.DEMO_TENDERER);
        String other = exemptTender("另一招标人有限公司");

        for (Map.Entry<String, Map<String, Object>> write : writes().entrySet()) {
            String unknown = api.post("staff-mdj", "/api/tenders/no-such-tender/" + write.getKey(), write.getValue())
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            for (String[] refused : new String[][] { { "staff-hrb", id }, { "supervisor-hrb", id }, { "staff-qqhr", id },
                    { "pool-admin", id }, { "supervisor-prov", id }, { "tenderer", other } }) {
                String answer = api.post(refused[0], "/api/tenders/" + refused[1] + "/" + write.getKey(), write.getValue())
                        .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                        .andReturn().getResponse().getContentAsString();
                assertThat(answer).as(refused[0] + " " + write.getKey()).doesNotContain("MDJ")
                        .isEqualTo(unknown.replace("no-such-tender", refused[1]));
            }
        }
        unchanged(id);
        unchanged(other);
    }

    @Test
    void whoMayReadButNotWriteGets403() throws Exception {
        String id = exemptTender(TenderBody.DEMO_TENDERER);

        for (Map.Entry<String, Map<String, Object>> write : writes().entrySet()) {
            List<String> readers = write.getKey().equals("exemption-explanation") ? List.of("staff-mdj", "staff-prov", "drc")
                    : List.of("supervisor-mdj", "staff-prov", "drc", "tenderer");
            for (String reader : readers) {
                api.post(reader, "/api/tenders/" + id + "/" + write.getKey(), write.getValue())
                        .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
            }
        }
        unchanged(id);
    }

    @Test
    void theExplanationIsFiledByTheTendererAccountBoundToTheTendersTenderer() throws Exception {
        String id = exemptTender(TenderBody.DEMO_TENDERER);
        api.post("staff-mdj", "/api/tenders/" + id + "/winner", writes().get("winner")).andExpect(status().isOk());

        api.post("tenderer", "/api/tenders/" + id + "/exemption-explanation", writes().get("exemption-explanation"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("EXEMPTION_EXPLAINED"));
    }

    private String exemptTender(String tenderer) throws Exception {
        return api.register(TenderBody.valid().with("mainCenter", "MDJ").with("tenderer", tenderer)
                .category("GOODS", "500000.00").exemption("LAW", "法律规定")).get("id").asText();
    }

    private void unchanged(String id) throws Exception {
        api.get("demo", "/api/tenders/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("AWAITING_WINNING_BIDDER"))
                .andExpect(jsonPath("$.bidders.names").isEmpty());
    }
}
