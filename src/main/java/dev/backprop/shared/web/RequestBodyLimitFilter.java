package dev.backprop.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON and CSV request bodies (prediction batches, definitions) are read by parsers that hold what they read; this
 * caps them at {@code backprop.requests.max-body-size} with a 413, whether the client sends a length or streams
 * chunks. Multipart uploads have their own limits ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String PROPERTY = "backprop.requests.max-body-size";

    private final long maxBytes;

    RequestBodyLimitFilter(@Value("${" + PROPERTY + ":200MB}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            ProblemWriter.write(request, response, 413, ProblemType.TOO_LARGE, message());
            return;
        }
        chain.doFilter(new Bounded(request, maxBytes, message()), response);
    }

    private String message() {
        return "The request body is larger than " + maxBytes + " bytes; the limit " + PROPERTY + " is " + maxBytes
                + " bytes. Split the batch into smaller requests.";
    }

    /** Counts what the application reads and stops at the limit (a body sent in chunks has no length up front). */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final String message;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long maxBytes, String message) {
            super(request);
            this.maxBytes = maxBytes;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > maxBytes) {
                            throw new dev.backprop.shared.TooLargeException(message);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
