package dev.argus.core.server;

/** A feature's API routes, each declared with its access requirement. */
public interface ApiService {

    /** Registers the feature's routes. */
    void routes(ApiRules rules);
}
