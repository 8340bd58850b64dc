package cn.hlj.remoteeval.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * One refusal, written in the shape its caller reads: {@code application/problem+json} under
 * {@code /api}, Camunda's {@code {"type","message","code"}} under {@code /engine-rest}. Shared by every
 * place that answers outside a controller advice (the error page, Tomcat's error report, the firewall,
 * the request shape filter), so that a refusal looks the same whichever layer caught it.
 */
final class ErrorAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorAnswers() {
    }

    /** Whether errors of this path (as the client sent it, undecoded) are answered here. */
    static boolean owns(String path) {
        return path != null && (isApi(path) || isEngineRest(path));
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api;") || path.startsWith("/api?");
    }

    static boolean isEngineRest(String path) {
        return path.startsWith("/engine-rest");
    }

    static MediaType contentType(String path) {
        return isEngineRest(path) ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
    }

    static Map<String, Object> body(String path, ResponseEntity<ProblemDetail> problem) {
        ProblemDetail detail = problem.getBody();
        Map<String, Object> body = new LinkedHashMap<>();
        if (isEngineRest(path)) {
            body.put("type", problem.getStatusCode().is4xxClientError() ? "InvalidRequestException" : "RestException");
            body.put("message", detail == null ? "" : detail.getDetail());
            body.put("code", null);
            return body;
        }
        if (detail != null) {
            body.put("type", String.valueOf(detail.getType()));
            body.put("title", detail.getTitle());
            body.put("status", detail.getStatus());
            body.put("detail", detail.getDetail());
            if (detail.getProperties() != null) {
                body.putAll(detail.getProperties());
            }
        }
        return body;
    }

    /** Writes the answer, unless the response is already on its way. */
    static void write(String path, ResponseEntity<ProblemDetail> problem, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatusCode().value());
        problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(contentType(path).toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body(path, problem)));
        response.flushBuffer();
    }
}
