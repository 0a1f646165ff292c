package org.carpentries.amy.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, a path, query parameter or read header that carries a control or direction
 * character ({@link UnsafeCharacters}) or broken percent-encoding: 400 {@code control-character} or
 * {@code malformed-encoding}, naming the parameter or header. JSON bodies are checked by {@link JsonBodyChecks}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class InputHygiene extends OncePerRequestFilter {

    /** The headers AMY reads itself; the others are the container's or the browser's business. */
    static final List<String> HEADERS = List.of(RequestIds.REASON_HEADER, RequestIds.HEADER, HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            check(request);
        } catch (BadRequest e) {
            Problems.write(response, Problems.refused(e.code(), e.getMessage(), e.where(), e.field()));
            return;
        }
        chain.doFilter(request, response);
    }

    static void check(HttpServletRequest request) {
        checkPath(request.getRequestURI());
        checkQuery(request.getQueryString());
        for (String name : HEADERS) {
            var values = request.getHeaders(name);
            while (values != null && values.hasMoreElements()) {
                checkHeader(name, values.nextElement());
            }
        }
    }

    static void checkPath(String rawPath) {
        if (rawPath == null) {
            return;
        }
        String path = decode(rawPath, "path", "path", false);
        refuse(path, "path", "path");
    }

    static void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query", "query", true);
            refuse(name, "query", name);
            if (eq >= 0) {
                refuse(decode(pair.substring(eq + 1), "query", name, true), "query", name);
            }
        }
    }

    /**
     * Headers arrive as bytes read as Latin-1. Text that is valid UTF-8 is checked as UTF-8 (so a right-to-left
     * override sent raw is found); a reason in RFC 8187's {@code UTF-8''…} form is checked as AMY decodes it.
     */
    static void checkHeader(String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            refuse(utf8, "header", name);
        } catch (CharacterCodingException notUtf8) {
            refuse(value, "header", name);
        }
        if (name.equals(RequestIds.REASON_HEADER) && value.strip().regionMatches(true, 0, "UTF-8''", 0, 7)) {
            refuse(CommandMetadataInterceptor.reason(value), "header", name);
        }
    }

    private static String decode(String raw, String where, String field, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? raw : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("malformed-encoding", "Broken percent-encoding.", where, field);
        }
    }

    private static void refuse(String value, String where, String field) {
        int at = UnsafeCharacters.find(value);
        if (at >= 0) {
            throw new BadRequest("control-character", UnsafeCharacters.message(value, at), where,
                    UnsafeCharacters.printable(field));
        }
    }
}
