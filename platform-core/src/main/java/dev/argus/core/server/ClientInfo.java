package dev.argus.core.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;

/**
 * Where a request came from, worked out once per request by the server's filter. Forwarded headers are
 * only believed when {@code security.trust_proxy} is on; otherwise anyone could claim any address.
 *
 * @param ip     the client address
 * @param secure whether the client reached us over TLS (directly, or at a trusted proxy)
 */
public record ClientInfo(String ip, boolean secure) {

    static ClientInfo resolve(ServerRequest req, boolean trustProxy) {
        String ip = req.remotePeer().host();
        boolean secure = req.isSecure();
        if (trustProxy) {
            String forwarded = req.headers().first(HeaderNames.X_FORWARDED_FOR).orElse("");
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            if (!first.isEmpty()) {
                ip = first;
            }
            secure |= req.headers().first(HeaderNames.X_FORWARDED_PROTO).map(p -> p.trim().toLowerCase(Locale.ROOT))
                    .filter("https"::equals).isPresent();
        }
        return new ClientInfo(ip, secure);
    }

    /** The client of {@code req}. */
    public static ClientInfo of(ServerRequest req) {
        return req.context().get(ClientInfo.class)
                .orElseGet(() -> new ClientInfo(req.remotePeer().host(), req.isSecure()));
    }
}
