package dev.argus.core.alerts;

import dev.argus.core.config.ArgusConfig;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.secrets.SecretStore;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;

/**
 * Alerting on one node: the API and the loop that, every evaluation interval, evaluates the rules
 * (one node per round across the cluster) and then sends due deliveries.
 */
public final class Alerts implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Alerts.class.getName());

    private final AlertsService service;
    private final AlertEvaluator evaluator;
    private final AlertDeliveries deliveries;
    private final ScheduledExecutorService loop;

    private Alerts(AlertsService service, AlertEvaluator evaluator, AlertDeliveries deliveries,
                   ScheduledExecutorService loop) {
        this.service = service;
        this.evaluator = evaluator;
        this.deliveries = deliveries;
        this.loop = loop;
    }

    /** Wires alerting and starts its loop. */
    public static Alerts start(ArgusConfig.Alerts config, DSLContext dsl, SecretStore secrets, PluginHost plugins) {
        Clock clock = Clock.systemUTC();
        AlertChannels channels = new AlertChannels(dsl, secrets, plugins);
        AlertEvaluator evaluator = new AlertEvaluator(dsl, clock);
        AlertDeliveries deliveries = new AlertDeliveries(dsl, channels, clock, config.retryBackoff(),
                config.maxAttempts());
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("argus-alerts").daemon().factory());
        Alerts alerts = new Alerts(new AlertsService(new AlertRules(dsl), channels, new AlertEvents(dsl), clock),
                evaluator, deliveries, loop);
        long millis = config.evaluationInterval().toMillis();
        loop.scheduleWithFixedDelay(alerts::round, millis, millis, TimeUnit.MILLISECONDS);
        return alerts;
    }

    /** The {@code /api/v1/alerts} routes. */
    public AlertsService service() {
        return service;
    }

    private void round() {
        try {
            evaluator.evaluateAll();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Alert evaluation round failed", e);
        }
        try {
            deliveries.deliverDue();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Alert delivery round failed", e);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
