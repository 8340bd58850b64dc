package cn.hlj.remoteeval.testsupport;


import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the /api endpoints as a demo account, through the real security filter chain. */
public class Api {

    private final MockMvc mvc;
    private final ObjectMapper json;

    Api(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public ResultActions post(String user, String path, Object body) throws Exception {
        return postRaw(user, path, json.writeValueAsString(body instanceof TenderBody t ? t.asMap() : body));
    }

    public ResultActions postRaw(String user, String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
                .characterEncoding("UTF-8").content(body));
    }

    /** A request without credentials, as the SMS gateway's reply callback sends it. */
    public ResultActions postAnonymous(String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON)
                .characterEncoding("UTF-8").content(body));
    }

    public ResultActions get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, user)));
    }

    /** Registers a tender as staff of HRB and returns the created view. */
    public JsonNode register(TenderBody body) throws Exception {
        String user = "staff-" + String.valueOf(body.asMap().get("mainCenter")).toLowerCase();
        String response = post(user, "/api/tenders", body).andReturn().getResponse().getContentAsString();
        JsonNode node = json.readTree(response);
        if (!node.hasNonNull("id")) {
            throw new AssertionError("registration failed: " + response);
        }
        return node;
    }

    public JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    public Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
