package com.salescopilot.ai.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small, real HTTP server that speaks enough of Ollama's API for tests, benchmarks and demos:
 * <ul>
 * <li>{@code POST /api/chat}: streamed (NDJSON lines, the last one with {@code "done": true}) or not
 * ({@code "stream": false}: one JSON object); a JSON schema in {@code format} is answered with a valid
 * instance of it unless an answer was queued; {@code message.thinking} is supported;</li>
 * <li>{@code GET /api/tags}: the configured models; {@code GET /api/version}; {@code GET /}.</li>
 * </ul>
 * Scriptable: queue answers ({@link #enqueueChat(Answer...)}, per model with
 * {@link #enqueueChat(String, Answer...)}), or set a default answer as a function of the request
 * ({@link #defaultAnswer(Function)}); time to first token and tokens per second for every answer or per
 * answer; faults (see {@link Answer}). Every request is recorded ({@link #requests()}).
 *
 * <pre>{@code
 * try (FakeOllama fake = FakeOllama.start()) {
 *     fake.enqueueChat(Answer.text("Hi"));
 *     ... copilot.ai.base-url = fake.baseUrl() ...
 *     assertThat(fake.lastChatRequest().think().asString()).isEqualTo("low");
 * }
 * }</pre>
 *
 * From the command line (a demo without a model; see {@link #main(String[])}):
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=com.salescopilot.ai.fake.FakeOllama -Dexec.classpathScope=test}
 */
public final class FakeOllama implements AutoCloseable {

    /** The model that {@code /api/tags} lists unless told otherwise (the app's default). */
    public static final String DEFAULT_MODEL = "gpt-oss:120b";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+\\s*|\\s+");

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> chatQueue = new ConcurrentLinkedDeque<>();
    private final Map<String, Deque<Answer>> modelQueues = new ConcurrentHashMap<>();
    private final Object arrivals = new Object();

    private volatile Function<RecordedRequest, Answer> defaultAnswer = FakeOllama::standardAnswer;
    private volatile List<String> models = List.of(DEFAULT_MODEL);
    private volatile Duration timeToFirstToken = Duration.ZERO;
    private volatile double tokensPerSecond;
    private volatile String requiredApiKey;
    private volatile Answer tagsFault;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile boolean closed;

    private FakeOllama(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fake-ollama-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static FakeOllama start() {
        return start(0);
    }

    /** Starts on 127.0.0.1 on the given port (0: a free one). */
    public static FakeOllama start(int port) {
        return start("127.0.0.1", port);
    }

    public static FakeOllama start(String host, int port) {
        try {
            return new FakeOllama(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Ollama on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code copilot.ai.base-url}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    // --- scripting

    /** Queues answers for the next chat requests of any model (after the model-specific queue). */
    public FakeOllama enqueueChat(Answer... answers) {
        chatQueue.addAll(Arrays.asList(answers));
        return this;
    }

    /** Queues answers for the next chat requests for this model. */
    public FakeOllama enqueueChat(String model, Answer... answers) {
        modelQueues.computeIfAbsent(model, m -> new ConcurrentLinkedDeque<>()).addAll(Arrays.asList(answers));
        return this;
    }

    /** The answer when no queued answer is left (default: an instance of the schema, or a short text). */
    public FakeOllama defaultAnswer(Function<RecordedRequest, Answer> answer) {
        this.defaultAnswer = answer;
        return this;
    }

    /** The models {@code /api/tags} lists. */
    public FakeOllama models(String... names) {
        this.models = List.of(names);
        return this;
    }

    /** Delay before the first chunk of every answer that does not set its own. */
    public FakeOllama timeToFirstToken(Duration ttft) {
        this.timeToFirstToken = ttft;
        return this;
    }

    /** Chunks per second of every answer that does not set its own (0: no delay). */
    public FakeOllama tokensPerSecond(double rate) {
        this.tokensPerSecond = rate;
        return this;
    }

    /** Like Ollama's cloud: every request without {@code Authorization: Bearer <key>} gets 401. */
    public FakeOllama requireApiKey(String key) {
        this.requiredApiKey = key;
        return this;
    }

    /** Makes {@code /api/tags} fail with this answer ({@link Answer#httpError}, {@link Answer#hang()}); null: normal. */
    public FakeOllama tagsFault(Answer fault) {
        this.tagsFault = fault;
        return this;
    }

    /** Forgets requests and queued answers, restores every setting, and releases hanging answers. */
    public void reset() {
        requests.clear();
        chatQueue.clear();
        modelQueues.clear();
        defaultAnswer = FakeOllama::standardAnswer;
        models = List.of(DEFAULT_MODEL);
        timeToFirstToken = Duration.ZERO;
        tokensPerSecond = 0;
        requiredApiKey = null;
        tagsFault = null;
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
    }

    // --- recorded requests

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> chatRequests() {
        return requests.stream().filter(RecordedRequest::isChat).toList();
    }

    public RecordedRequest lastChatRequest() {
        List<RecordedRequest> chats = chatRequests();
        if (chats.isEmpty()) {
            throw new IllegalStateException("no chat request received");
        }
        return chats.getLast();
    }

    /** Waits until at least {@code count} requests match; returns them. */
    public List<RecordedRequest> awaitRequests(Predicate<RecordedRequest> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (true) {
                List<RecordedRequest> matching = requests.stream().filter(filter).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("expected " + count + " requests, got " + matching.size());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(arrivals, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public List<RecordedRequest> awaitChatRequests(int count, Duration timeout) {
        return awaitRequests(RecordedRequest::isChat, count, timeout);
    }

    @Override
    public void close() {
        closed = true;
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // --- the server

    /** Thrown inside a handler to make the JDK server drop the connection without finishing the response. */
    private static final class DropConnection extends RuntimeException {
        DropConnection() {
            super("fake Ollama drops the connection", null, false, false);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedNanos = System.nanoTime();
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                new String(bytes, StandardCharsets.UTF_8), Instant.now(), receivedNanos);
        requests.add(request);
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
        // not try-with-resources: a DropConnection must leave the exchange unclosed, or the JDK server would
        // end the chunked body cleanly instead of dropping the connection
        try {
            dispatch(exchange, request);
        } catch (DropConnection drop) {
            throw drop;
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw e;
        }
        exchange.close();
    }

    private void dispatch(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (requiredApiKey != null && !("Bearer " + requiredApiKey).equals(request.header("Authorization"))) {
            sendError(exchange, 401, "unauthorized");
            return;
        }
        switch (request.path()) {
            case "/api/chat" -> {
                if (!"POST".equals(request.method())) {
                    sendError(exchange, 405, "method not allowed");
                } else if (request.model() == null) {
                    sendError(exchange, 400, "model is required");
                } else {
                    chat(exchange, request, nextAnswer(request));
                }
            }
            case "/api/tags" -> tags(exchange);
            case "/api/version" -> sendJson(exchange, 200, "{\"version\":\"0.12.0-fake\"}");
            case "/" -> sendText(exchange, 200, "Ollama is running");
            default -> sendError(exchange, 404, "404 page not found");
        }
    }

    private Answer nextAnswer(RecordedRequest request) {
        Deque<Answer> perModel = modelQueues.get(request.model());
        Answer answer = perModel == null ? null : perModel.poll();
        if (answer == null) {
            answer = chatQueue.poll();
        }
        if (answer == null) {
            answer = defaultAnswer.apply(request);
        }
        return answer;
    }

    private void tags(HttpExchange exchange) throws IOException {
        Answer fault = tagsFault;
        if (fault != null) {
            if (fault.kind() == Answer.Kind.HANG) {
                waitForRelease();
                throw new DropConnection();
            }
            sendError(exchange, fault.status(), fault.error());
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("models");
        for (String name : models) {
            ObjectNode model = list.addObject();
            model.put("name", name);
            model.put("model", name);
            model.put("modified_at", "2025-01-01T00:00:00Z");
            model.put("size", 65_000_000_000L);
            model.put("digest", Integer.toHexString(name.hashCode()));
            ObjectNode details = model.putObject("details");
            details.put("format", "gguf");
            details.put("family", "fake");
            details.put("parameter_size", "120B");
            details.put("quantization_level", "MXFP4");
        }
        sendJson(exchange, 200, JSON.writeValueAsString(body));
    }

    private void chat(HttpExchange exchange, RecordedRequest request, Answer answer) throws IOException {
        if (answer.kind() == Answer.Kind.HANG) {
            waitForRelease();
            throw new DropConnection();
        }
        Duration ttft = answer.ttft() != null ? answer.ttft() : timeToFirstToken;
        if (!pause(ttft.toNanos())) {
            throw new DropConnection();
        }
        if (answer.kind() == Answer.Kind.HTTP_ERROR) {
            if (answer.status() == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            sendError(exchange, answer.status(), answer.error());
            return;
        }
        String content = content(request, answer);
        String thinking = answer.thinking();
        double rate = answer.tokensPerSecond() != null ? answer.tokensPerSecond() : tokensPerSecond;
        long gapNanos = rate > 0 ? (long) (1_000_000_000L / rate) : 0;
        if (request.stream()) {
            stream(exchange, request, answer, content, thinking, gapNanos);
        } else {
            whole(exchange, request, answer, content, thinking, gapNanos);
        }
    }

    private void stream(HttpExchange exchange, RecordedRequest request, Answer answer, String content, String thinking,
                        long gapNanos) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String[]> chunks = new ArrayList<>();   // {field, text}
        for (String t : tokens(thinking)) {
            chunks.add(new String[] {"thinking", t});
        }
        for (String t : tokens(content)) {
            chunks.add(new String[] {"content", t});
        }
        int sent = 0;
        for (String[] chunk : chunks) {
            if (endsHere(answer, sent)) {
                break;
            }
            if (sent > 0 && !pause(gapNanos)) {
                throw new DropConnection();
            }
            ObjectNode line = lineStart(request);
            ObjectNode message = line.putObject("message");
            message.put("role", "assistant");
            message.put("content", "content".equals(chunk[0]) ? chunk[1] : "");
            if ("thinking".equals(chunk[0])) {
                message.put("thinking", chunk[1]);
            }
            line.put("done", false);
            writeLine(out, line);
            sent++;
        }
        finish(answer, sent);
        if (answer.ending() == Answer.Ending.NO_DONE) {
            return;   // the body ends cleanly, without a done line
        }
        ObjectNode last = lineStart(request);
        ObjectNode message = last.putObject("message");
        message.put("role", "assistant");
        message.put("content", "");
        last.put("done", true);
        counts(last, request, answer, chunks.size());
        writeLine(out, last);
    }

    private void whole(HttpExchange exchange, RecordedRequest request, Answer answer, String content, String thinking,
                       long gapNanos) throws IOException {
        List<String> all = new ArrayList<>(tokens(thinking));
        all.addAll(tokens(content));
        if (!pause(gapNanos * Math.max(0, all.size() - 1))) {
            throw new DropConnection();
        }
        ObjectNode body = lineStart(request);
        ObjectNode message = body.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        if (thinking != null && !thinking.isEmpty()) {
            message.put("thinking", thinking);
        }
        body.put("done", answer.ending() != Answer.Ending.NO_DONE);
        counts(body, request, answer, all.size());
        byte[] bytes = JSON.writeValueAsBytes(body);
        if (answer.ending() == Answer.Ending.CUT || answer.ending() == Answer.Ending.STALL) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            finish(answer, Integer.MAX_VALUE);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static boolean endsHere(Answer answer, int sent) {
        return (answer.ending() == Answer.Ending.CUT || answer.ending() == Answer.Ending.STALL)
                && sent >= answer.endAfterTokens();
    }

    /** For CUT: drop the connection; for STALL: wait (until reset/close), then drop it. */
    private void finish(Answer answer, int sent) {
        if (answer.ending() == Answer.Ending.CUT) {
            // let the client read what was sent before the connection drops: an immediate drop can
            // reach it first on a busy machine and take the already-written lines with it
            pause(50_000_000L);
            throw new DropConnection();
        }
        if (answer.ending() == Answer.Ending.STALL) {
            waitForRelease();
            throw new DropConnection();
        }
    }

    private ObjectNode lineStart(RecordedRequest request) {
        ObjectNode line = JSON.createObjectNode();
        line.put("model", request.model());
        line.put("created_at", Instant.now().toString());
        return line;
    }

    private static void counts(ObjectNode line, RecordedRequest request, Answer answer, int generated) {
        line.put("done_reason", answer.doneReason() == null ? "stop" : answer.doneReason());
        line.put("total_duration", 1_000_000L);
        line.put("load_duration", 100_000L);
        line.put("prompt_eval_count", Math.max(1, request.allText().length() / 4));
        line.put("prompt_eval_duration", 100_000L);
        line.put("eval_count", generated);
        line.put("eval_duration", 800_000L);
    }

    private String content(RecordedRequest request, Answer answer) {
        String content;
        if (answer.kind() == Answer.Kind.FROM_SCHEMA) {
            JsonNode format = request.format();
            if (format.isObject()) {
                content = JSON.writeValueAsString(SchemaInstance.generate(format));
            } else {
                content = "{\"answer\":\"fake\"}";
            }
        } else {
            content = answer.content() == null ? "" : answer.content();
        }
        if (answer.truncateJson()) {
            content = content.length() < 2 ? "{" : content.substring(0, content.length() / 2);
        }
        if (answer.markdownFence()) {
            content = "```json\n" + content + "\n```";
        }
        return content;
    }

    /** The default answer: a schema instance when {@code format} is a schema, JSON for "json", else a short text. */
    public static Answer standardAnswer(RecordedRequest request) {
        if (request.format().isObject()) {
            return Answer.fromSchema();
        }
        if ("json".equals(request.format().asString(""))) {
            return Answer.json("{\"answer\":\"fake\"}");
        }
        return Answer.text("This is the fake model's answer.");
    }

    /** Splits text into stream chunks: words with their surrounding spaces. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private void writeLine(OutputStream out, ObjectNode line) throws IOException {
        out.write(JSON.writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }

    /** Sleeps; false if the fake was reset or closed meanwhile. */
    private boolean pause(long nanos) {
        if (nanos <= 0) {
            return !closed;
        }
        try {
            return !release.await(nanos, TimeUnit.NANOSECONDS) && !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void waitForRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sendError(HttpExchange exchange, int status, String error) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error == null ? "error" : error);
        sendJson(exchange, status, JSON.writeValueAsString(body));
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    // --- command line

    /**
     * Runs the fake with demo answers (plausible Polish/English quick responses, analysis JSON that fits
     * the request's schema) until stopped with Ctrl+C. Arguments (all optional):
     * {@code [port] [--host=127.0.0.1] [--ttft=800ms] [--tps=40] [--models=gpt-oss:120b,...]}.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 11434;
        String host = "127.0.0.1";
        Duration ttft = Duration.ofMillis(600);
        double tps = 40;
        List<String> modelNames = List.of(DEFAULT_MODEL);
        for (String arg : args) {
            if (arg.startsWith("--host=")) {
                host = arg.substring(7);
            } else if (arg.startsWith("--ttft=")) {
                ttft = parseDuration(arg.substring(7));
            } else if (arg.startsWith("--tps=")) {
                tps = Double.parseDouble(arg.substring(6));
            } else if (arg.startsWith("--models=")) {
                modelNames = List.of(arg.substring(9).split(","));
            } else if (arg.matches("\\d+")) {
                port = Integer.parseInt(arg);
            } else {
                System.err.println("usage: FakeOllama [port] [--host=127.0.0.1] [--ttft=800ms] [--tps=40] "
                        + "[--models=gpt-oss:120b,...]");
                System.exit(2);
            }
        }
        FakeOllama fake = start(host, port)
                .models(modelNames.toArray(String[]::new))
                .timeToFirstToken(ttft)
                .tokensPerSecond(tps)
                .defaultAnswer(DemoAnswers::answer);
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        System.out.println("Fake Ollama listening on " + fake.baseUrl() + " (models " + modelNames + ", first token after "
                + ttft.toMillis() + " ms, " + tps + " tokens/s). Set COPILOT_AI_BASE_URL=" + fake.baseUrl()
                + ". Ctrl+C stops it.");
        new CountDownLatch(1).await();
    }

    private static Duration parseDuration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
        }
        return Duration.ofMillis(Long.parseLong(text));
    }
}
