package dev.argus.plugins.mock;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.ErrorCategory;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import dev.argus.api.Usage;
import dev.argus.api.provider.ChatChunk;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.LlmProvider;
import dev.argus.api.provider.ModelInfo;
import dev.argus.api.provider.ProviderException;
import dev.argus.api.provider.RateLimitSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * A provider that answers without any network. The same request always gets the same answer, token
 * counts and latency, so tests can assert exact values. A message containing
 * {@code [mock:error=rate_limit]} (any error category) fails with that category.
 */
@Extension
public final class MockProvider implements LlmProvider {

    private static final Pattern FORCED_ERROR = Pattern.compile("\\[mock:error=([a-z_]+)]");
    private static final List<String> WORDS = List.of("the", "model", "answers", "with", "care", "and", "a",
            "measured", "tone", "because", "latency", "matters", "tokens", "cost", "money", "so", "we", "keep",
            "responses", "short", "clear", "useful", "for", "users", "who", "ship", "features", "every", "day");

    private volatile Settings settings = Settings.from(PluginConfig.EMPTY);
    private volatile Clock clock = Clock.systemUTC();
    private final AtomicLong requestsServed = new AtomicLong();

    @Override
    public String id() {
        return "mock";
    }

    @Override
    public String displayName() {
        return "Mock provider";
    }

    @Override
    public String description() {
        return "Deterministic offline provider for demos and tests: answers are derived from the prompt, "
                + "with configurable latency, error rate and rate-limit headroom.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("latency_ms", Type.INTEGER, "40", "Base latency of each answer."),
                ConfigField.optional("jitter_ms", Type.INTEGER, "20",
                        "Extra latency between 0 and this value, derived from the prompt."),
                ConfigField.optional("error_rate", Type.NUMBER, "0",
                        "Share of prompts (0..1) that fail with a server error, chosen by prompt hash."),
                ConfigField.optional("answer_words", Type.INTEGER, "24", "Length of each answer in words."),
                ConfigField.optional("requests_per_minute", Type.INTEGER, "600",
                        "Request limit reported in the rate-limit snapshot."));
    }

    @Override
    public void init(PluginContext context) {
        settings = Settings.from(context.config());
        clock = context.clock();
    }

    @Override
    public List<ModelInfo> listModels() {
        return List.of(new ModelInfo("mock-small", 8192), new ModelInfo("mock-large", 128000));
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return stream(request, chunk -> { });
    }

    @Override
    public ChatResponse stream(ChatRequest request, Consumer<ChatChunk> onChunk) {
        Settings s = settings;
        String prompt = promptText(request.messages());
        long hash = fnv1a(request.model() + "\u0000" + prompt);
        failIfAsked(prompt, hash, s);

        List<String> words = answerWords(prompt, hash, s.answerWords());
        long latency = s.latencyMs() + (s.jitterMs() == 0 ? 0 : Math.floorMod(hash, s.jitterMs() + 1));
        if (Duration.ofMillis(latency).compareTo(request.timeout()) > 0) {
            sleep(request.timeout().toMillis());
            throw new ProviderException(ErrorCategory.TIMEOUT, "mock answer took longer than the timeout");
        }
        long firstTokenDelay = latency / 4;
        long perChunk = words.size() <= 1 ? 0 : (latency - firstTokenDelay) / (words.size() - 1);
        sleep(firstTokenDelay);
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                sleep(perChunk);
            }
            String text = (i == 0 ? "" : " ") + words.get(i);
            content.append(text);
            onChunk.accept(new ChatChunk(text, i));
        }
        Usage usage = Usage.of(estimateTokens(prompt), estimateTokens(content.toString()));
        return new ChatResponse(request.model(), content.toString(), "stop", usage, rateLimits(s),
                Duration.ofMillis(firstTokenDelay), "mock-" + Long.toHexString(hash));
    }

    private RateLimitSnapshot rateLimits(Settings s) {
        long served = requestsServed.incrementAndGet();
        long remaining = Math.max(0, s.requestsPerMinute() - served % s.requestsPerMinute());
        return new RateLimitSnapshot(s.requestsPerMinute(), remaining,
                clock.instant().plusSeconds(60 - clock.instant().getEpochSecond() % 60),
                s.requestsPerMinute() * 1000L, remaining * 1000L, null, null);
    }

    private static void failIfAsked(String prompt, long hash, Settings s) {
        Matcher forced = FORCED_ERROR.matcher(prompt);
        if (forced.find()) {
            ErrorCategory category;
            try {
                category = ErrorCategory.fromWireName(forced.group(1));
            } catch (IllegalArgumentException e) {
                category = ErrorCategory.UNKNOWN;
            }
            throw new ProviderException(category, statusFor(category), "mock error: " + category.wireName(),
                    category == ErrorCategory.RATE_LIMIT ? Duration.ofSeconds(1) : null, RateLimitSnapshot.NONE,
                    null);
        }
        if (s.errorRate() > 0 && Math.floorMod(hash >>> 8, 10_000) < s.errorRate() * 10_000) {
            throw new ProviderException(ErrorCategory.SERVER_ERROR, 500, "mock server error", null,
                    RateLimitSnapshot.NONE, null);
        }
    }

    private static int statusFor(ErrorCategory category) {
        return switch (category) {
            case RATE_LIMIT -> 429;
            case AUTH -> 401;
            case INVALID_REQUEST, CONTEXT_LENGTH, CONTENT_FILTER -> 400;
            case OVERLOADED -> 529;
            case TIMEOUT -> 504;
            case SERVER_ERROR -> 500;
            default -> 0;
        };
    }

    private static List<String> answerWords(String prompt, long hash, int count) {
        List<String> words = new ArrayList<>();
        String[] promptWords = prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
        words.addAll(Arrays.asList(promptWords).subList(0, Math.min(3, promptWords.length)));
        long state = hash;
        while (words.size() < count) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            words.add(WORDS.get((int) Math.floorMod(state >>> 33, (long) WORDS.size())));
        }
        return words.subList(0, count);
    }

    private static String promptText(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : messages) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(message.content());
        }
        return text.toString();
    }

    /** Roughly four characters per token, as OpenAI's rule of thumb; at least one token. */
    static long estimateTokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ErrorCategory.CANCELLED, "interrupted");
        }
    }

    private record Settings(long latencyMs, long jitterMs, double errorRate, int answerWords, long requestsPerMinute) {
        static Settings from(PluginConfig config) {
            return new Settings(config.getLong("latency_ms", 40), config.getLong("jitter_ms", 20),
                    config.getDouble("error_rate", 0), (int) Math.max(1, config.getLong("answer_words", 24)),
                    Math.max(1, config.getLong("requests_per_minute", 600)));
        }
    }
}
