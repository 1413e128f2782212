package dev.argus.core.stats;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * Raw statistics over data in the request: {@code POST /api/v1/stats/two-sample} and
 * {@code POST /api/v1/stats/proportions}. Nothing is stored; any project viewer or READ key may call them.
 */
public final class StatsService implements ApiService {

    /** Most values accepted per sample. */
    static final int MAX_VALUES = 200_000;
    /** Largest trial count: beyond it sums of counts lose precision as doubles (2^53) and overflow. */
    public static final long MAX_COUNT = 1_000_000_000_000_000L;

    /** Body of {@code POST /two-sample}; only {@code a} and {@code b} are required. */
    record TwoSampleRequest(List<Double> a, List<Double> b, String alternative, String mannWhitneyMethod,
                            Boolean continuity, Double confidence, Integer bootstrapResamples, Long seed,
                            Double alpha) {
    }

    /** Body of {@code POST /proportions}. */
    record ProportionsRequest(Long successA, Long totalA, Long successB, Long totalB, Boolean yates, Double alpha) {
    }

    @Override
    public void routes(ApiRules rules) {
        Access read = Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ);
        rules.post("/two-sample", read, this::twoSample);
        rules.post("/proportions", read, this::proportions);
    }

    private void twoSample(ServerRequest req, ServerResponse res) {
        Caller.of(req);
        TwoSampleRequest body = Json.read(req, TwoSampleRequest.class);
        double[] a = values("a", body.a());
        double[] b = values("b", body.b());
        TwoSampleReport.Options defaults = TwoSampleReport.Options.defaults();
        TwoSampleReport.Options options = new TwoSampleReport.Options(
                body.alternative() == null ? defaults.alternative() : parse("alternative",
                        () -> Alternative.parse(body.alternative())),
                body.mannWhitneyMethod() == null ? defaults.method() : parse("mann_whitney_method",
                        () -> MannWhitneyU.Method.parse(body.mannWhitneyMethod())),
                body.continuity() == null || body.continuity(),
                fraction("confidence", body.confidence(), defaults.confidence()),
                body.bootstrapResamples() == null ? defaults.resamples() : body.bootstrapResamples(),
                body.seed() == null ? defaults.seed() : body.seed(),
                fraction("alpha", body.alpha(), defaults.alpha()),
                defaults.mixingEffect());
        if (options.resamples() < 100 || options.resamples() > 100_000) {
            throw ApiException.badRequest("invalid_request", "bootstrap_resamples must be between 100 and 100000");
        }
        Json.ok(res, TwoSampleReport.of(a, b, options));
    }

    private void proportions(ServerRequest req, ServerResponse res) {
        Caller.of(req);
        ProportionsRequest body = Json.read(req, ProportionsRequest.class);
        long sa = count("success_a", body.successA());
        long ta = count("total_a", body.totalA());
        long sb = count("success_b", body.successB());
        long tb = count("total_b", body.totalB());
        TwoByTwo table = table(sa, ta, sb, tb);
        Json.ok(res, ProportionsReport.of(table, body.yates() == null || body.yates(),
                fraction("alpha", body.alpha(), 0.05)));
    }

    /** Checks counts and builds the table; the message names the offending field. */
    public static TwoByTwo table(long sa, long ta, long sb, long tb) {
        if (ta == 0 || tb == 0) {
            throw ApiException.badRequest("invalid_request", (ta == 0 ? "total_a" : "total_b") + " must be at least 1");
        }
        if (ta > MAX_COUNT || tb > MAX_COUNT) {
            throw ApiException.badRequest("invalid_request", "total_a and total_b must be at most " + MAX_COUNT);
        }
        if (sa > ta) {
            throw ApiException.badRequest("invalid_request", "success_a must not exceed total_a");
        }
        if (sb > tb) {
            throw ApiException.badRequest("invalid_request", "success_b must not exceed total_b");
        }
        return new TwoByTwo(sa, ta, sb, tb);
    }

    /** A sample from the request: present, non-empty, bounded, no nulls. */
    public static double[] values(String field, List<Double> values) {
        if (values == null || values.isEmpty()) {
            throw ApiException.badRequest("invalid_request", field + " needs at least one value");
        }
        if (values.size() > MAX_VALUES) {
            throw ApiException.badRequest("invalid_request", field + " has more than " + MAX_VALUES + " values");
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw ApiException.badRequest("invalid_request", field + "[" + i + "] must be a finite number");
            }
            out[i] = v;
        }
        return out;
    }

    private static long count(String field, Long value) {
        if (value == null) {
            throw ApiException.badRequest("invalid_request", field + " is required");
        }
        if (value < 0) {
            throw ApiException.badRequest("invalid_request", field + " must not be negative");
        }
        return value;
    }

    static double fraction(String field, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0 && value < 1)) {
            throw ApiException.badRequest("invalid_request", field + " must be between 0 and 1 (exclusive)");
        }
        return value;
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", field + ": " + e.getMessage());
        }
    }
}
