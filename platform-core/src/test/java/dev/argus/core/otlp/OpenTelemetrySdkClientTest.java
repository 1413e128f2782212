package dev.argus.core.otlp;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenTelemetry Java SDK and its OTLP/HTTP exporter — protobuf, the default encoding,
 * with and without gzip — send GenAI spans to Argus, which stores them as calls.
 */
class OpenTelemetrySdkClientTest {

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fx;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of());
        fx = new Fixtures(argus);
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip"})
    void sdkSpansBecomeCalls(String compression) throws Exception {
        UUID project = fx.project("otel-sdk-" + compression);
        ApiKeyCredentials key = fx.key(project, Set.of(ApiKeyScope.INGEST));
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(argus.uri("/v1/traces").toString())
                .addHeader("X-Argus-Key", key.publicKey() + ":" + key.secret())
                .setCompression(compression)
                .build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(io.opentelemetry.api.common.Attributes.of(
                        AttributeKey.stringKey("service.name"), "support-bot"))))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        String traceId;
        try {
            Tracer tracer = provider.get("argus-test");
            Span chat = tracer.spanBuilder("chat gpt-4o-mini").setSpanKind(SpanKind.CLIENT)
                    .setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.system", "openai")
                    .setAttribute("gen_ai.request.model", "gpt-4o-mini")
                    .setAttribute("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
                    .setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 120L)
                    .setAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), 42L)
                    .setAttribute("gen_ai.conversation.id", "conv-9")
                    .setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
                    .startSpan();
            traceId = chat.getSpanContext().getTraceId();
            chat.end();
            Span failed = tracer.spanBuilder("chat claude").setSpanKind(SpanKind.CLIENT)
                    .setAttribute("gen_ai.system", "anthropic")
                    .setAttribute("gen_ai.request.model", "claude-3-5-haiku")
                    .setAttribute("error.type", "RateLimitError")
                    .startSpan();
            failed.setStatus(StatusCode.ERROR, "Rate limit reached");
            failed.end();
            CompletableResultCode flushed = provider.forceFlush().join(20, TimeUnit.SECONDS);
            assertTrue(flushed.isSuccess(), "the exporter reported a failed export");
        } finally {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }

        var calls = fx.dsl().selectFrom(LLM_CALLS).where(LLM_CALLS.PROJECT_ID.eq(project))
                .orderBy(LLM_CALLS.PROVIDER.desc()).fetch();
        assertEquals(2, calls.size(), calls.toString());
        var ok = calls.get(0);
        assertEquals("openai", ok.getProvider());
        assertEquals("gpt-4o-mini-2024-07-18", ok.getModel());
        assertEquals(120, ok.getInputTokens());
        assertEquals(42, ok.getOutputTokens());
        assertEquals(traceId, ok.getTraceId());
        assertEquals("conv-9", ok.getSessionId());
        assertEquals("success", ok.getStatus());
        assertTrue(ok.getCostUsd() != null && ok.getCostUsd().signum() > 0, "priced from the bundled table");
        var error = calls.get(1);
        assertEquals("anthropic", error.getProvider());
        assertEquals("error", error.getStatus());
        assertEquals("rate_limit", error.getErrorCategory());
    }
}
