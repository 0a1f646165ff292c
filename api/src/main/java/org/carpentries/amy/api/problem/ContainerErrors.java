package org.carpentries.amy.api.problem;

import java.io.PrintWriter;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some malformed requests itself, before any filter (an encoded slash or NUL in the path, a
 * character a request line may not hold): its error report is problem+json with the status's code too, not HTML.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report as a problem; Tomcat makes it by class name, hence public. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = status == 400 ? "malformed-request" : ProblemHandler.code(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"https://amy.carpentries.org/problems/" + code + "\",\"title\":\"" + title
                            + "\",\"status\":" + status + ",\"detail\":\"The server refused the request before "
                            + "reading it: " + title + ".\",\"code\":\"" + code + "\"}");
                    response.finishResponse();
                }
            } catch (java.io.IOException | IllegalStateException e) {
                // The connection is gone or the response already started; nothing more can be said.
            }
        }
    }
}
