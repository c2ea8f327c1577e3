package cn.cac.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * A light stand-in for api.weixin.qq.com for the delivery benchmark, meant to run in a process of its
 * own ({@code java … cn.cac.bench.WechatStub PORT [PORT2]}): a minimal HTTP/1.1 server (keep-alive,
 * Content-Length bodies) on one NIO selector thread; every answer leaves after a fixed delay (20 ms),
 * scheduled on a timer instead of a sleeping thread per request, so thousands of requests can wait at
 * once for a few microseconds of CPU each. It counts what WeChat would count: template messages per {@code client_msg_id} and per
 * recipient, access-token fetches, and requests per listening port (one port per application instance).
 * <ul>
 *   <li>{@code POST /cgi-bin/stable_token}, {@code GET /cgi-bin/token} → a token valid 7200 s</li>
 *   <li>{@code POST /cgi-bin/message/template/send} → {@code {"errcode":0,"errmsg":"ok","msgid":N}}
 *       (40001 when the access token is not the one handed out)</li>
 *   <li>{@code GET /__stats} → counters as {@code key=value} lines; {@code POST /__reset} clears all but
 *       the token fetches, which count for the whole run</li>
 * </ul>
 */
public final class WechatStub {

    static final String TOKEN = "bench-stub-token";
    private static final Pattern CLIENT_MSG_ID = Pattern.compile("\"client_msg_id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TOUSER = Pattern.compile("\"touser\"\\s*:\\s*\"([^\"]*)\"");
    /** Arrivals per 10 ms since the last reset (for the achieved rate and the busiest second); 20 minutes. */
    private static final int SLOTS = 120_000;

    private final long delayMillis;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, threads("stub-timer"));
    private final AtomicLong msgIds = new AtomicLong(1_000_000_000L);
    private final LongAdder tokenFetches = new LongAdder();

    private volatile Phase phase = new Phase();

    /** What arrived since the last reset. */
    private static final class Phase {
        final long startedNanos = System.nanoTime();
        final LongAdder templateSends = new LongAdder();
        final LongAdder other = new LongAdder();
        final LongAdder badToken = new LongAdder();
        final Map<String, AtomicInteger> perClientMsgId = new ConcurrentHashMap<>(1 << 18);
        final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>(1 << 18);
        final Map<Integer, LongAdder> perPort = new ConcurrentHashMap<>();
        final AtomicIntegerArray slots = new AtomicIntegerArray(SLOTS);
        final AtomicLong firstNanos = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);
        /** Wall-clock time of the first and the last template message (the benchmark compares it with its own). */
        final AtomicLong firstEpochMillis = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastEpochMillis = new AtomicLong(Long.MIN_VALUE);
    }

    private WechatStub(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    public static void main(String[] args) throws IOException {
        long delay = Long.getLong("stub.delay-ms", 20);
        WechatStub stub = new WechatStub(delay);
        Selector selector = Selector.open();
        for (String port : args) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 1024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            System.out.println("WechatStub listening on 127.0.0.1:" + port + ", answers after " + delay + " ms");
        }
        System.out.flush();
        stub.serve(selector);
    }

    /** One client connection (keep-alive: one request after the other). */
    private static final class Connection {
        final SocketChannel channel;
        final int localPort;
        ByteBuffer in = ByteBuffer.allocate(8192);

        Connection(SocketChannel channel, int localPort) {
            this.channel = channel;
            this.localPort = localPort;
        }
    }

    /** A minimal HTTP/1.1 server on one selector thread: requests with Content-Length bodies, keep-alive. */
    private void serve(Selector selector) throws IOException {
        while (true) {
            selector.select();
            for (var keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                SelectionKey key = keys.next();
                keys.remove();
                try {
                    if (key.isAcceptable()) {
                        SocketChannel channel = ((ServerSocketChannel) key.channel()).accept();
                        if (channel != null) {
                            channel.configureBlocking(false);
                            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
                            channel.register(selector, SelectionKey.OP_READ, new Connection(channel, port));
                        }
                    } else if (key.isReadable()) {
                        read((Connection) key.attachment(), key);
                    }
                } catch (IOException | RuntimeException e) {
                    key.cancel();
                    key.channel().close();
                }
            }
        }
    }

    private void read(Connection connection, SelectionKey key) throws IOException {
        if (!connection.in.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(connection.in.capacity() * 2);
            connection.in.flip();
            bigger.put(connection.in);
            connection.in = bigger;
        }
        if (connection.channel.read(connection.in) < 0) {
            key.cancel();
            connection.channel.close();
            return;
        }
        // every complete request in the buffer
        while (true) {
            ByteBuffer in = connection.in;
            byte[] bytes = in.array();
            int filled = in.position();
            int headerEnd = -1;
            for (int i = 3; i < filled; i++) {
                if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                    headerEnd = i + 1;
                    break;
                }
            }
            if (headerEnd < 0) {
                return;
            }
            String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            if (filled < headerEnd + length) {
                return;
            }
            String body = new String(bytes, headerEnd, length, StandardCharsets.UTF_8);
            in.flip();
            in.position(headerEnd + length);
            in.compact();
            String target = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
            handle(connection, target, body);
        }
    }

    private void handle(Connection connection, String target, String body) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        switch (path) {
            case "/__stats" -> answer(connection, 200, stats(), 0);
            case "/__reset" -> {
                phase = new Phase();
                answer(connection, 200, "ok\n", 0);
            }
            case "/cgi-bin/stable_token", "/cgi-bin/token" -> {
                tokenFetches.increment();
                answer(connection, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200}", delayMillis);
            }
            case "/cgi-bin/message/template/send" -> templateSend(connection, query, body);
            default -> {
                phase.other.increment();
                answer(connection, 404, "{\"errcode\":404,\"errmsg\":\"not stubbed\"}", delayMillis);
            }
        }
    }

    private void templateSend(Connection connection, String query, String body) {
        Phase current = phase;
        long now = System.nanoTime();
        current.templateSends.increment();
        current.perPort.computeIfAbsent(connection.localPort, p -> new LongAdder()).increment();
        current.firstNanos.accumulateAndGet(now, Math::min);
        current.lastNanos.accumulateAndGet(now, Math::max);
        long wall = System.currentTimeMillis();
        current.firstEpochMillis.accumulateAndGet(wall, Math::min);
        current.lastEpochMillis.accumulateAndGet(wall, Math::max);
        int slot = (int) ((now - current.startedNanos) / 10_000_000L);
        if (slot >= 0 && slot < SLOTS) {
            current.slots.incrementAndGet(slot);
        }
        if (!query.contains("access_token=" + TOKEN)) {
            current.badToken.increment();
            answer(connection, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential, rid: stub\"}", delayMillis);
            return;
        }
        current.perClientMsgId.computeIfAbsent(group(CLIENT_MSG_ID, body), k -> new AtomicInteger()).incrementAndGet();
        current.perRecipient.computeIfAbsent(group(TOUSER, body), k -> new AtomicInteger()).incrementAndGet();
        answer(connection, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgIds.incrementAndGet() + "}", delayMillis);
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    /**
     * Writes the answer after {@code delayMillis} from a timer thread (the selector thread goes on reading).
     * Answers are a few hundred bytes: the socket's send buffer takes them whole.
     */
    private void answer(Connection connection, int status, String text, long delayMillis) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found")
                + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + payload.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer response = ByteBuffer.allocate(head.length + payload.length).put(head).put(payload).flip();
        Runnable write = () -> {
            synchronized (connection) {
                try {
                    while (response.hasRemaining()) {
                        if (connection.channel.write(response) == 0) {
                            Thread.onSpinWait();
                        }
                    }
                } catch (IOException e) {
                    // the client went away
                }
            }
        };
        if (delayMillis <= 0) {
            write.run();
        } else {
            timer.schedule(write, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private String stats() {
        Phase current = phase;
        StringBuilder out = new StringBuilder();
        line(out, "tokenFetches", tokenFetches.sum());
        line(out, "templateSends", current.templateSends.sum());
        line(out, "badToken", current.badToken.sum());
        line(out, "otherRequests", current.other.sum());
        line(out, "distinctClientMsgIds", current.perClientMsgId.size());
        line(out, "clientMsgIdsSentMoreThanOnce", current.perClientMsgId.values().stream().filter(n -> n.get() > 1).count());
        line(out, "maxPerClientMsgId", current.perClientMsgId.values().stream().mapToInt(AtomicInteger::get).max().orElse(0));
        line(out, "distinctRecipients", current.perRecipient.size());
        line(out, "recipientsWithMoreThanOne", current.perRecipient.values().stream().filter(n -> n.get() > 1).count());
        line(out, "maxPerRecipient", current.perRecipient.values().stream().mapToInt(AtomicInteger::get).max().orElse(0));
        current.perPort.forEach((port, n) -> line(out, "port." + port, n.sum()));
        long first = current.firstNanos.get();
        long last = current.lastNanos.get();
        if (first != Long.MAX_VALUE) {
            line(out, "firstToLastMillis", (last - first) / 1_000_000);
            line(out, "firstEpochMillis", current.firstEpochMillis.get());
            line(out, "lastEpochMillis", current.lastEpochMillis.get());
            // the busiest second: a sliding window of 100 slots of 10 ms
            int busiest = 0;
            int window = 0;
            for (int i = 0; i < SLOTS; i++) {
                window += current.slots.get(i) - (i >= 100 ? current.slots.get(i - 100) : 0);
                busiest = Math.max(busiest, window);
            }
            line(out, "busiestSecond", busiest);
            // the pace between the 10th and the 90th percentile message: without ramp-up and tail
            long total = current.templateSends.sum();
            long seen = 0;
            int p10 = -1;
            int p90 = -1;
            for (int i = 0; i < SLOTS && p90 < 0; i++) {
                seen += current.slots.get(i);
                if (p10 < 0 && seen >= total / 10) {
                    p10 = i;
                }
                if (seen >= total * 9 / 10) {
                    p90 = i;
                }
            }
            if (p90 > p10) {
                line(out, "p10ToP90PerSecond", Math.round((total * 8 / 10) / ((p90 - p10) / 100.0)));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, long value) {
        out.append(key).append('=').append(value).append('\n');
    }

    private static java.util.concurrent.ThreadFactory threads(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }

    /** The benchmark's side: reads the counters of a running stub. */
    static Properties stats(java.net.http.HttpClient http, String base) throws IOException, InterruptedException {
        var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/__stats")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(response.body()));
        return properties;
    }

    static void reset(java.net.http.HttpClient http, String base) throws IOException, InterruptedException {
        http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/__reset"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
