package dev.argus.core.demo;

import static dev.argus.core.storage.jooq.Tables.LLM_CALL_IDS;
import static dev.argus.core.storage.jooq.Tables.PROJECTS;

import dev.argus.api.ErrorCategory;
import dev.argus.api.Usage;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.LlmProvider;
import dev.argus.api.provider.ProviderException;
import dev.argus.core.Argus;
import dev.argus.core.ingest.NewCall;
import dev.argus.core.ingest.UuidV7;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * {@code argus demo}: realistic traffic so every screen has data. On first start it backfills the
 * last 24 hours; then it adds a few calls every second. Answers and token counts come from the mock
 * provider plugin; the calls carry the names of real providers and models (priced from the bundled
 * table), users, sessions, prompt versions, tags, rate-limit snapshots and some errors of every
 * category. Everything goes through the normal ingest path.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DemoTraffic.class.getName());
    private static final int BACKFILL_CALLS = 3000;

    private record Model(String provider, String name, double weight, long baseLatencyMs) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("openai", "gpt-4o-mini", 0.35, 450),
            new Model("openai", "gpt-4o", 0.15, 900),
            new Model("openai", "gpt-5-mini", 0.10, 1400),
            new Model("anthropic", "claude-sonnet-4-5", 0.20, 1100),
            new Model("anthropic", "claude-haiku-4-5", 0.10, 500),
            new Model("ollama", "llama3.1:8b", 0.10, 1600));

    private record Prompt(String name, int version, String text) {
    }

    private static final List<Prompt> PROMPTS = List.of(
            new Prompt("support-answer", 3, "How do I reset my password on the billing portal?"),
            new Prompt("support-answer", 4, "My invoice shows a duplicate charge for November, what should I do?"),
            new Prompt("summarize-ticket", 2, "Summarize this ticket: customer cannot export reports as CSV."),
            new Prompt("sql-helper", 1, "Write a SQL query listing the ten largest orders of last week."),
            new Prompt("product-qa", 7, "Which plans include single sign-on and audit logs?"));

    private static final ErrorCategory[] ERRORS = {ErrorCategory.RATE_LIMIT, ErrorCategory.TIMEOUT,
            ErrorCategory.SERVER_ERROR, ErrorCategory.OVERLOADED, ErrorCategory.CONTEXT_LENGTH,
            ErrorCategory.INVALID_REQUEST, ErrorCategory.AUTH, ErrorCategory.CONTENT_FILTER, ErrorCategory.NETWORK};

    private final Argus argus;
    private final UUID projectId;
    // shared by the backfill threads; java.util.Random is thread-safe
    private final Random random = new Random();
    private final Thread thread;
    private volatile boolean running = true;

    private DemoTraffic(Argus argus, UUID projectId) {
        this.argus = argus;
        this.projectId = projectId;
        this.thread = Thread.ofVirtual().name("argus-demo-traffic").start(this::run);
    }

    /** Starts generating traffic for the named project; empty when the project does not exist. */
    public static Optional<DemoTraffic> start(Argus argus, String projectName) {
        UUID project = argus.database().dsl().select(PROJECTS.ID).from(PROJECTS).where(PROJECTS.NAME.eq(projectName))
                .limit(1).fetchOne(PROJECTS.ID);
        return Optional.ofNullable(project).map(p -> new DemoTraffic(argus, p));
    }

    private void run() {
        try {
            boolean empty = !argus.database().dsl().fetchExists(LLM_CALL_IDS, LLM_CALL_IDS.PROJECT_ID.eq(projectId));
            if (empty) {
                Instant now = Instant.now();
                // the mock provider answers with realistic latency: ask it in parallel, 500 calls per batch
                try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int done = 0; done < BACKFILL_CALLS && running; done += 500) {
                        List<java.util.concurrent.Future<NewCall>> batch = new ArrayList<>();
                        for (int i = 0; i < 500; i++) {
                            // more traffic recently: a skewed spread over the past 24 h
                            long secondsAgo = (long) (Math.pow(random.nextDouble(), 0.9) * 86_400);
                            batch.add(pool.submit(() -> call(now.minusSeconds(secondsAgo))));
                        }
                        List<NewCall> calls = new ArrayList<>();
                        for (var future : batch) {
                            calls.add(future.get());
                        }
                        argus.ingest().ingest(projectId, calls);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                LOG.log(System.Logger.Level.INFO, "Demo: backfilled {0} calls over the last 24 hours",
                        String.valueOf(BACKFILL_CALLS));
            }
            while (running) {
                List<NewCall> calls = new ArrayList<>();
                int n = 1 + random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    calls.add(call(Instant.now().minusMillis(random.nextInt(900))));
                }
                argus.ingest().ingest(projectId, calls);
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.log(System.Logger.Level.WARNING, "Demo traffic stopped: " + e.getMessage());
            }
        }
    }

    private NewCall call(Instant startedAt) {
        Model model = pickModel();
        Prompt prompt = PROMPTS.get(random.nextInt(PROMPTS.size()));
        String user = "user-" + (1 + (int) Math.abs(random.nextGaussian() * 15) % 60);
        String session = user + "-s" + (startedAt.getEpochSecond() / 1800);
        boolean failed = random.nextDouble() < 0.04;
        ErrorCategory category = failed ? ERRORS[random.nextInt(ERRORS.length)] : null;

        String output = null;
        Usage usage;
        Optional<LlmProvider> mock = argus.plugins().registry().provider("mock");
        if (!failed && mock.isPresent()) {
            try {
                ChatResponse answer = mock.get().complete(new ChatRequest("mock-small",
                        List.of(ChatMessage.user(prompt.text())), null, null, null, Duration.ofSeconds(5)));
                output = answer.content();
                usage = answer.usage();
            } catch (ProviderException e) {
                output = null;
                usage = Usage.of(prompt.text().length() / 4, 0);
            }
        } else {
            usage = Usage.of(prompt.text().length() / 4, 0);
        }
        // realistic prompt sizes: a system prompt and history around the question
        long input = usage.inputTokens() + 300 + random.nextInt(1500);
        long cached = model.provider().equals("ollama") || random.nextDouble() < 0.6 ? 0 : input / 2;
        long outputTokens = failed ? 0 : usage.outputTokens() * (4 + random.nextInt(8));
        long reasoning = model.name().startsWith("gpt-5") && !failed ? outputTokens / 3 : 0;
        Usage scaled = new Usage(input - cached, outputTokens, cached, 0, reasoning);

        long latency = (long) (model.baseLatencyMs() * Math.exp(random.nextGaussian() * 0.45))
                + (category == ErrorCategory.TIMEOUT ? 30_000 : 0);
        Long ttft = failed ? null : Math.max(40, latency / (3 + random.nextInt(4)));
        long remaining = 500 + random.nextInt(9500);
        String rateLimit = "{\"requests_limit\":10000,\"requests_remaining\":" + remaining
                + ",\"tokens_limit\":2000000,\"tokens_remaining\":" + (remaining * 180) + "}";
        String input_ = "[{\"role\":\"user\",\"content\":\"" + prompt.text() + "\"}]";
        return new NewCall(UuidV7.at(startedAt), model.provider(), model.name(),
                failed ? "error" : "success", category, failed ? demoError(category) : null,
                failed ? status(category) : null, startedAt, startedAt.plusMillis(latency), latency, ttft, scaled,
                user, session, null, null, null, prompt.name(), prompt.version(),
                random.nextDouble() < 0.3 ? List.of("demo", "beta") : List.of("demo"),
                "{\"region\":\"" + (random.nextBoolean() ? "eu-west" : "us-east") + "\"}", input_,
                output == null ? null : "\"" + output + "\"", rateLimit, prompt.text(), output);
    }

    private Model pickModel() {
        double r = random.nextDouble();
        for (Model m : MODELS) {
            r -= m.weight();
            if (r <= 0) {
                return m;
            }
        }
        return MODELS.getFirst();
    }

    private static String demoError(ErrorCategory category) {
        return switch (category) {
            case RATE_LIMIT -> "Rate limit reached for requests per minute";
            case TIMEOUT -> "No answer within 30 s";
            case CONTEXT_LENGTH -> "This model's maximum context length is 128000 tokens";
            case CONTENT_FILTER -> "The response was filtered by the content policy";
            case OVERLOADED -> "Overloaded";
            case AUTH -> "Incorrect API key provided";
            case NETWORK -> "Connection reset by peer";
            case INVALID_REQUEST -> "Invalid value for 'temperature'";
            default -> "The server had an error while processing your request";
        };
    }

    private static Integer status(ErrorCategory category) {
        return switch (category) {
            case RATE_LIMIT -> 429;
            case TIMEOUT, NETWORK -> null;
            case CONTEXT_LENGTH, CONTENT_FILTER, INVALID_REQUEST -> 400;
            case OVERLOADED -> 529;
            case AUTH -> 401;
            default -> 500;
        };
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
