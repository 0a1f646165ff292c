package org.carpentries.amy.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds problems, and writes them where no controller advice reaches (filters, security). */
public final class Problems {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://amy.carpentries.org/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** A 400 about one value, named in {@code errors} as {@code field} found in {@code where} (query, path, header, body). */
    public static ProblemDetail refused(String code, String detail, String where, String field) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, code, detail);
        if (field != null) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", field);
            if (where != null) {
                error.put("in", where);
            }
            error.put("code", code);
            error.put("message", detail);
            problem.setProperty("errors", List.of(error));
        }
        return problem;
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        write(response, of(status, code, detail));
    }

    /** Writes {@code problem} as the whole response, with the problem+json media type. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        body.put("title", problem.getTitle() != null ? problem.getTitle() : status.getReasonPhrase());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
