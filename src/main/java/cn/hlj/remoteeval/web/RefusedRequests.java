package cn.hlj.remoteeval.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security's firewall refused the request (an encoded slash or "..", a control character, a
 * method it does not know). Answered here and now: an error page would go through the same firewall
 * and be refused again, leaving an empty 400 (or, with the default handler, a 500).
 */
@Component
class RefusedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    private final ApiExceptionHandler handler;

    RefusedRequests(ApiExceptionHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Request refused by the firewall: {}", e.getMessage());
        String path = request.getRequestURI();
        if (ErrorAnswers.owns(path)) {
            ErrorAnswers.write(path, handler.rejected(e), response);
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
