package cn.hlj.remoteeval.venue;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The venue API calls the shared {@code Api} helper has no verb for, as a demo account. */
final class VenueRequests {

    private final MockMvc mvc;
    private final ObjectMapper json;

    VenueRequests(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    ResultActions put(String user, String path, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put(path).with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).characterEncoding("UTF-8")
                .content(json.writeValueAsString(body)));
    }

    ResultActions delete(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.delete(path).with(httpBasic(user, user)));
    }

    ResultActions upload(String user, String path, String fileName, byte[] content) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart(path)
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(httpBasic(user, user)));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** A workstation code no other test uses; starts with T so that the demo's R.. and X.. sort first. */
    static String uniqueCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
