package org.carpentries.amy.api.security;

import org.carpentries.amy.api.security.Access;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leaves {@link StaffFields} out of every answer to a caller who reached the endpoint only as staff: objects Jackson
 * writes (JSON or YAML) become trees without the hidden keys, JSON bytes are parsed and written again; YAML and CSV
 * bytes must be built from redacted data by their controller ({@link StaffFields#redact(Object)}), as the reports
 * are, and endpoints that cannot be redacted do not declare {@link Caller#STAFF}.
 */
@RestControllerAdvice
class StaffRedaction implements ResponseBodyAdvice<Object> {

    private final JsonMapper json;

    StaffRedaction(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || !StaffFields.apply()) {
            return body;
        }
        if (body instanceof byte[] bytes) {
            if (contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return body;
            }
            // Written again only when something was left out, so bodies already redacted keep their own format.
            JsonNode tree = json.readTree(bytes);
            return StaffFields.redact(tree) ? json.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8) : body;
        }
        if (!AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType)) {
            return body;
        }
        JsonNode tree = json.valueToTree(body);
        StaffFields.redact(tree);
        return tree;
    }
}
