package dev.backprop.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load generator: {@code clients} threads, each with one keep-alive connection to loopback,
 * sending the next request as soon as the last answer is read. Latencies go to an HdrHistogram (1 µs .. 60 s).
 * Small on purpose: on two shared cores a heavier client would measure itself.
 */
final class LoadGenerator {

    record Result(int clients, long requests, long errors, double seconds, double perSecond, double p50Ms, double p99Ms,
            double maxMs) {
    }

    private LoadGenerator() {
    }

    /** Runs {@code warmUp} unrecorded, then {@code duration} recorded (or until {@code stop} says so, if given). */
    static Result run(int port, String key, String path, int clients, Duration warmUp, Duration duration,
            java.util.function.BooleanSupplier stop) throws InterruptedException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-API-Key: " + key
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long recordFrom = System.nanoTime() + warmUp.toNanos();
        long end = recordFrom + duration.toNanos();
        Histogram all = new Histogram(1, 60_000_000, 3);
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        long[] lastEnd = new long[clients];
        for (int c = 0; c < clients; c++) {
            Histogram histogram = new Histogram(1, 60_000_000, 3);
            histograms.add(histogram);
            int client = c;
            Thread thread = new Thread(() -> {
                Connection connection = null;
                try {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end || (stop != null && now >= recordFrom && stop.getAsBoolean())) {
                            break;
                        }
                        if (connection == null) {
                            connection = new Connection(port);
                        }
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = connection.exchange(request);
                            if (connection.closed) {
                                connection.close();
                                connection = null;
                            }
                        } catch (IOException e) {
                            connection.close();
                            connection = null;
                            status = -1;
                        }
                        long done = System.nanoTime();
                        if (sent >= recordFrom) {
                            if (status == 200) {
                                histogram.recordValue(Math.max(1, (done - sent) / 1_000));
                            } else {
                                errors.incrementAndGet();
                            }
                            lastEnd[client] = done;
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                }
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        histograms.forEach(all::add);
        long finished = 0;
        for (long t : lastEnd) {
            finished = Math.max(finished, t);
        }
        double seconds = Math.max(1e-9, (Math.min(end, finished == 0 ? end : finished) - recordFrom) / 1e9);
        long count = all.getTotalCount();
        return new Result(clients, count, errors.get(), seconds, count / seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0);
    }

    /** One keep-alive connection; reads fixed-length and chunked bodies. */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private java.io.ByteArrayOutputStream body;
        /** The server said {@code Connection: close} (Tomcat does after 100 requests): open a new one. */
        boolean closed;

        /** Sends the request and returns the answer's status and body (status 200 expected, else an exception). */
        byte[] exchangeForBody(byte[] request) throws IOException {
            body = new java.io.ByteArrayOutputStream();
            try {
                int status = exchange(request);
                if (status != 200) {
                    throw new IOException("HTTP " + status + ": " + body.toString(StandardCharsets.UTF_8));
                }
                return body.toByteArray();
            } finally {
                body = null;
            }
        }

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
            } else if (length > 0) {
                skip(length);
            }
            closed = close;
            return status;
        }

        private void skip(long bytes) throws IOException {
            if (body != null) {
                body.write(in.readNBytes((int) bytes));
                return;
            }
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b == '\n') {
                    int length = line.length();
                    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
