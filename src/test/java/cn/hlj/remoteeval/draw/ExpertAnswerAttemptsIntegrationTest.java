package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ExpertInvitations;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The anonymous ways to answer an invitation (the answer API, the page {@code /r/{code}}) hear a
 * client that brought ten unknown, expired or used codes lately no more for a while: 429, the same
 * for a real code as for a made-up one, so that codes cannot be guessed by trying; other clients are
 * heard as before; no log line names a code.
 */
@RemoteEvalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ExpertAnswerAttemptsIntegrationTest {


    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    ExpertInvitations invitations;

    @Test
    void aClientWithTenFailedCodesIsRefusedBy429OnTheApiAndThePageWhateverCodeItBrings(CapturedOutput output)
            throws Exception {
        List<String> seats = invitations.draw(api.register(TenderBody.valid()).get("id").asText());
        String used = invitations.replyCode(seats.get(0));
        String open = invitations.replyCode(seats.get(1));
        int logStart = output.getAll().length();
        String guesser = "198.51.100.30";

        mvc.perform(answer(used, guesser)).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ACCEPTED"));
        // A used code, made-up codes and made-up links: each refused as before, each counted.
        mvc.perform(answer(used, guesser)).andExpect(status().isConflict());
        for (int i = 0; i < 5; i++) {
            mvc.perform(answer("00000000000" + i, guesser)).andExpect(status().isNotFound());
        }
        mvc.perform(page(get("/r/" + used), guesser)).andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            mvc.perform(page(get("/r/11111111111" + i), guesser)).andExpect(status().isNotFound());
        }

        // The eleventh attempt, with a real open code: refused, and nothing about the invitation shown.
        mvc.perform(answer(open, guesser)).andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("尝试次数过多，请稍后再试。"));
        mvc.perform(page(get("/r/" + open), guesser)).andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("尝试次数过多，请稍后再试")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"accept\""))));
        mvc.perform(page(post("/r/" + open).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("answer", "ACCEPT"),
                guesser)).andExpect(status().isTooManyRequests());
        assertThat(invitations.stateOf(seats.get(1))).isEqualTo("INVITED");

        // Another client is heard as before.
        mvc.perform(page(get("/r/" + open), "198.51.100.31")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"accept\"")));
        mvc.perform(answer(open, "198.51.100.31")).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ACCEPTED"));

        String log = output.getAll().substring(logStart);
        assertThat(log).contains("Expert answer refused: too many failed attempts", "Answer page refused: too many failed attempts")
                .doesNotContain(used).doesNotContain(open).doesNotContain("000000000001");
    }

    private MockHttpServletRequestBuilder answer(String code, String client) {
        return page(post("/api/expert-invitations/" + code + "/answer").contentType(MediaType.APPLICATION_JSON)
                .content("{\"answer\":\"ACCEPT\"}"), client);
    }

    private static MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request, String client) {
        return request.with(r -> {
            r.setRemoteAddr(client);
            return r;
        });
    }
}
