package dev.argus.core.live;

import java.util.Optional;
import java.util.UUID;

/**
 * What a live-feed client asked for.
 *
 * @param projectId the project (from the client's credentials)
 * @param provider  only this provider, or empty for all
 * @param model     only this model, or empty for all
 */
record Subscription(UUID projectId, Optional<String> provider, Optional<String> model) {

    boolean matches(LiveDelta delta) {
        return delta.projectId().equals(projectId)
                && provider.map(p -> p.equals(delta.provider())).orElse(true)
                && model.map(m -> m.equals(delta.model())).orElse(true);
    }
}
