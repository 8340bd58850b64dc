package cn.hlj.remoteeval.web;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before any framework reads them, request shapes the frameworks answer with 500 or only after
 * the handler ran: a query string with a broken percent-escape ({@code ?a=%zz}; Jersey throws while
 * decoding it for the engine REST API), a {@code Content-Type} with a wildcard ({@code *}{@code /*};
 * Spring MVC asserts it away) and, under {@code /api}, an {@code Accept} that rules out every answer
 * the API gives. The refusal goes to the error page ({@link ProblemErrorController}), which answers it
 * like every other one.
 */
class RequestShapeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!validEscapes(request.getQueryString())) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    new MalformedQueryException("malformed percent-escape in the query string"));
            return;
        }
        if (ErrorAnswers.isApi(request.getRequestURI()) && !acceptsWhatTheApiAnswers(request.getHeader(HttpHeaders.ACCEPT))) {
            refuse(request, response, HttpServletResponse.SC_NOT_ACCEPTABLE,
                    new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)));
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && !concrete(contentType)) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    new HttpMediaTypeNotSupportedException("Content-Type is not a concrete media type"));
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ErrorAnswers.owns(request.getRequestURI());
    }

    /** A query whose percent-escapes do not decode. */
    static final class MalformedQueryException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        MalformedQueryException(String message) {
            super(message);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, Exception refusal)
            throws IOException {
        request.setAttribute(ProblemErrorController.REFUSAL_ATTRIBUTE, refusal);
        response.sendError(status);
    }

    static boolean validEscapes(String query) {
        if (query == null) {
            return true;
        }
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                if (Character.digit(query.charAt(i + 1), 16) < 0 || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    /**
     * The API answers JSON (and the monthly report Excel). Checked before the handler runs: Spring MVC
     * finds an unacceptable answer only after the handler, which may already have recorded the read
     * (a view of incidents is audited) for an answer the caller never gets.
     */
    static boolean acceptsWhatTheApiAnswers(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            // Spring MVC answers an unparsable Accept with 406 itself, before the handler.
            return true;
        }
        for (MediaType type : types) {
            if (type.getQualityValue() > 0 && (type.includes(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || type.isCompatibleWith(SPREADSHEET))) {
                return true;
            }
        }
        return false;
    }

    private static final MediaType SPREADSHEET =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            // Spring MVC answers an unparsable type with 415 itself.
            return true;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<RequestShapeFilter> requestShapeFilter() {
            FilterRegistrationBean<RequestShapeFilter> registration = new FilterRegistrationBean<>(new RequestShapeFilter());
            registration.setUrlPatterns(List.of("/api/*", "/engine-rest/*"));
            // After Spring Security's filters: its firewall answers what it refuses first, and a refusal
            // here then goes to an error page the firewall already let through.
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
            return registration;
        }
    }
}
