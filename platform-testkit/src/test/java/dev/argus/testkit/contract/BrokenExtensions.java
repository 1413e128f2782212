package dev.argus.testkit.contract;

import dev.argus.api.LlmCall;
import dev.argus.api.alert.AlertChannel;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.DeliveryResult;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.api.exporter.Exporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Extensions that break the contracts' rules, and well-behaved ones, each with its contract class.
 * The name ends in neither Test nor IT: only {@link ContractsCatchBrokenExtensionsTest} runs these.
 */
final class BrokenExtensions {

    private BrokenExtensions() {
    }

    /** Scores outside [0, 1], puts an object JSON cannot hold in its details, has an upper-case id. */
    public static final class BrokenEvaluator implements Evaluator {
        @Override
        public String id() {
            return "Broken";
        }

        @Override
        public Set<Requirement> requirements() {
            return Set.of(Requirement.REFERENCE);
        }

        @Override
        public Score evaluate(EvaluationInput input) {
            // NullPointerException without a reference, StringIndexOutOfBounds on an empty answer
            double overlap = input.reference().length() + input.output().charAt(0);
            return new Score(overlap, null, null, Map.of("when", java.time.Instant.EPOCH));
        }

        @Override
        public Score evaluate(EvaluationInput input, dev.argus.api.PluginConfig config) {
            return Score.of(0.5); // ignores the per-call settings and scores differently
        }
    }

    static final class BrokenEvaluatorContract extends EvaluatorContract {
        @Override
        protected Evaluator newExtension() {
            return new BrokenEvaluator();
        }
    }

    /** Collects the whole stream first, closes the output, swallows write errors in a PrintWriter, names ".txt". */
    public static final class BrokenExporter implements Exporter {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String mediaType() {
            return "text/plain";
        }

        @Override
        public String fileExtension() {
            return ".txt";
        }

        @Override
        public void export(Stream<LlmCall> calls, OutputStream out) {
            List<LlmCall> all = calls.toList();
            try (PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                all.forEach(c -> writer.println(c.id() + "\t" + c.model()));
            }
        }
    }

    static final class BrokenExporterContract extends ExporterContract {
        @Override
        protected Exporter newExtension() {
            return new BrokenExporter();
        }
    }

    /** Retries, throws when the receiver is unreachable, reports the URL it posted to; package-private constructor. */
    public static final class BrokenChannel implements AlertChannel {
        private volatile URI url;

        BrokenChannel() {
        }

        @Override
        public String id() {
            return "broken-channel";
        }

        @Override
        public dev.argus.api.ConfigSchema configSchema() {
            return dev.argus.api.ConfigSchema.of(dev.argus.api.ConfigField.required("url", dev.argus.api.ConfigField.Type.URL, ""));
        }

        @Override
        public void init(dev.argus.api.PluginContext context) {
            url = URI.create(context.config().getString("url", ""));
        }

        @Override
        public DeliveryResult deliver(AlertEvent event) {
            try (HttpClient http = HttpClient.newHttpClient()) {
                int status = 0;
                for (int attempt = 0; attempt < 3 && status != 200; attempt++) {
                    status = http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }
                return new DeliveryResult(status == 200, "posted to " + url + ": " + status);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class BrokenChannelContract extends AlertChannelContract {
        @Override
        protected AlertChannel newExtension() {
            return new BrokenChannel();
        }

        @Override
        protected Map<String, String> settingsFor(URI url) {
            return Map.of("url", url.toString());
        }
    }

    /** Scores the share of reference words found in the answer. */
    public static final class GoodEvaluator implements Evaluator {
        @Override
        public String id() {
            return "word-recall";
        }

        @Override
        public Set<Requirement> requirements() {
            return Set.of(Requirement.REFERENCE);
        }

        @Override
        public Score evaluate(EvaluationInput input) {
            if (input.reference() == null) {
                throw new IllegalArgumentException("reference is required");
            }
            Set<String> wanted = new java.util.HashSet<>(List.of(input.reference().toLowerCase().split("\\W+")));
            Set<String> given = new java.util.HashSet<>(List.of(input.output().toLowerCase().split("\\W+")));
            long found = wanted.stream().filter(given::contains).count();
            return new Score(wanted.isEmpty() ? 1 : (double) found / wanted.size(), null, null,
                    Map.of("found", found, "wanted", wanted.size()));
        }
    }

    static final class GoodEvaluatorContract extends EvaluatorContract {
        @Override
        protected Evaluator newExtension() {
            return new GoodEvaluator();
        }
    }
}
