/**
 * The Argus plugin API: the extension points that LLM providers, evaluators, exporters and alert
 * channels implement, and the value types they exchange with the host.
 */
module dev.argus.api {
    requires transitive org.pf4j;
    requires transitive java.net.http;

    exports dev.argus.api;
    exports dev.argus.api.provider;
    exports dev.argus.api.evaluator;
    exports dev.argus.api.exporter;
    exports dev.argus.api.alert;
}
