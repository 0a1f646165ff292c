package org.carpentries.amy.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the flushes made inside the filter chain from committing the response early, so Spring Session saves a
 * request's session once, at the end of its filter. Spring MVC flushes every body it writes (a 201 with its view,
 * a problem); Spring Session saves the session when the response is committed and again when its filter ends, and
 * the second save reads the session back from PostgreSQL (spring-projects/spring-session#1731 and #1424): a
 * second {@code SELECT} for most commands. A body larger than the servlet container's buffer is still sent as it
 * is written; the container flushes the rest when the request ends.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class SessionSavedOnce extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushesDeferred(response));
    }

    /** A response whose flushes wait for the end of the request. */
    static final class FlushesDeferred extends HttpServletResponseWrapper {

        private ServletOutputStream stream;
        private PrintWriter writer;

        FlushesDeferred(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // the container flushes when the request ends
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new Unflushed(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new FilterWriter(super.getWriter()) {
                    @Override
                    public void flush() {
                        // the container flushes when the request ends
                    }
                });
            }
            return writer;
        }
    }

    /** The container's stream, its flushes left out. */
    private static final class Unflushed extends ServletOutputStream {

        private final ServletOutputStream out;

        Unflushed(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            out.write(buffer);
        }

        @Override
        public void flush() {
            // the container flushes when the request ends
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
