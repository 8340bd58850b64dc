package cn.hlj.remoteeval.web;

import java.io.IOException;
import java.util.function.Function;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error report, for what Tomcat refuses before any servlet or error page runs: a URL it
 * cannot decode ({@code %zz}, an encoded slash or NUL), characters a query may not hold, a request line
 * or header over its limit, a method it does not know. Under {@code /api} and {@code /engine-rest} the
 * report is the same JSON as every other refusal there ({@link ErrorAnswers}), and so is the report of a
 * request line too broken to have a path; elsewhere it stays Tomcat's page, without server details.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final Function<HttpStatus, ResponseEntity<ProblemDetail>> problems;

    ProblemErrorReportValve(Function<HttpStatus, ResponseEntity<ProblemDetail>> problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String path = request.getRequestURI();
        HttpStatus known = HttpStatus.resolve(status);
        // A request line Tomcat could not parse (a character a query may not hold, a line over the header
        // limit) leaves no path at all; its sender is a program, which reads JSON better than a page.
        boolean unparsed = path == null || path.isEmpty();
        if (unparsed) {
            path = "/api";
        }
        if (status < 400 || known == null || !ErrorAnswers.owns(path) || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        try {
            ErrorAnswers.write(path, problems.apply(known), response.getResponse());
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already went out; Tomcat closes it.
        }
    }

    /** Puts the valve in place of the error report Spring Boot installs on the host. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ApiExceptionHandler handler;

        Installer(ApiExceptionHandler handler) {
            this.handler = handler;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemErrorReportValve(status -> handler.forStatus(status, null)));
                    // The host adds its own report at start unless one of this class is in place.
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        /** After Spring Boot's own customizer, which adds its error report to the host. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
