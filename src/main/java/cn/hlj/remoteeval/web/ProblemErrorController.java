package cn.hlj.remoteeval.web;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page for whatever never reached a controller advice: a multipart body the container could
 * not parse or that is over the upload limit, a path no handler maps, a request Spring Security's
 * firewall rejected, a URL Tomcat could not decode. Under {@code /api} the answer is the same
 * problem+json {@link ApiExceptionHandler} gives (its handlers are reused, so one exception has one
 * answer wherever it is caught); under {@code /engine-rest} it is Camunda's error shape
 * ({@code type}, {@code message}), which its clients read. Other paths (the webapps, the pages) keep
 * Spring Boot's error page.
 *
 * <p>An exception a caller caused is answered as such even when the container already chose 500 for it
 * (a {@code MultipartException} escapes the dispatcher as a servlet exception).
 */
@Controller
class ProblemErrorController extends BasicErrorController {

    /** A refusal a filter made (with {@code sendError}), for this page to answer like any other. */
    static final String REFUSAL_ATTRIBUTE = ProblemErrorController.class.getName() + ".REFUSAL";

    private final ErrorAttributes errorAttributes;
    private final ApiExceptionHandler handler;
    private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ApiExceptionHandler.class);
    private final ObjectMapper json;

    ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> resolvers,
            ApiExceptionHandler handler, ObjectMapper json) {
        super(errorAttributes, server.getError(), resolvers);
        this.errorAttributes = errorAttributes;
        this.handler = handler;
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!ownsErrorsOf(request)) {
            return super.errorHtml(request, response);
        }
        ResponseEntity<Map<String, Object>> answer = error(request);
        response.setStatus(answer.getStatusCode().value());
        response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            json.writeValue(response.getOutputStream(), answer.getBody());
        } catch (IOException e) {
            // The client went away; there is nobody to answer.
        }
        return null;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!ownsErrorsOf(request)) {
            return super.error(request);
        }
        String path = originalPath(request);
        ResponseEntity<ProblemDetail> problem = problem(request);
        Map<String, Object> body = ErrorAnswers.body(path, problem);
        if (ErrorAnswers.isApi(path)) {
            body.put("instance", path);
        }
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .contentType(ErrorAnswers.contentType(path)).body(body);
    }

    /** The exception's own answer from {@link ApiExceptionHandler}, or the one for the status alone. */
    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        Object refused = request.getAttribute(REFUSAL_ATTRIBUTE);
        Throwable error = refused instanceof Throwable t ? t : unwrap(errorAttributes.getError(new ServletWebRequest(request)));
        HttpStatus status = HttpStatus.resolve(getStatus(request).value());
        if (error instanceof Exception exception) {
            Method method = handlers.resolveMethodByThrowable(exception);
            boolean specific = method != null && !method.getName().equals("unexpected");
            if (method != null && method.getParameterCount() == 1
                    && (specific || status == null || status.is5xxServerError())) {
                try {
                    @SuppressWarnings("unchecked")
                    ResponseEntity<ProblemDetail> answer = (ResponseEntity<ProblemDetail>) method.invoke(handler, exception);
                    return answer;
                } catch (IllegalAccessException | InvocationTargetException e) {
                    return handler.unexpected(e);
                }
            }
        }
        return handler.forStatus(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, error);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof ServletException servlet && servlet.getRootCause() != null
                && servlet.getRootCause() != current) {
            current = servlet.getRootCause();
        }
        return current;
    }

    private static boolean ownsErrorsOf(HttpServletRequest request) {
        return ErrorAnswers.owns(originalPath(request));
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
    }
}
