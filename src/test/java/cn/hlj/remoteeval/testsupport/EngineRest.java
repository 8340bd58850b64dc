package cn.hlj.remoteeval.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.core.env.Environment;

/** Reads the running application over real HTTP (the engine REST API is not reachable through MockMvc). */
public class EngineRest {

    private final Environment environment;
    private final HttpClient http = HttpClient.newHttpClient();

    EngineRest(Environment environment) {
        this.environment = environment;
    }

    /** GET as the given demo account (password = user name); answers status and body. */
    public HttpResponse<String> get(String user, String path) {
        String port = environment.getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET that must succeed. */
    public String body(String user, String path) {
        HttpResponse<String> response = get(user, path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
