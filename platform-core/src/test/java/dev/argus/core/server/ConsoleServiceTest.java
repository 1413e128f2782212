package dev.argus.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.testing.RunningArgus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console served from a folder (as the distribution's web/ is): caching, revalidation, SPA fallback. */
class ConsoleServiceTest {

    @TempDir
    static Path plugins;
    @TempDir
    static Path web;
    static RunningArgus argus;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>Argus</title><div id=root></div>");
        Files.createDirectories(web.resolve("assets"));
        Files.writeString(web.resolve("assets/index-abc123.js"), "console.log('argus')");
        Files.writeString(web.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        argus = RunningArgus.start(plugins, Map.of("ARGUS_CONSOLE_DIR", web.toString()));
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    @Test
    void hashedAssetsAreCachedForAYear() throws Exception {
        HttpResponse<String> res = argus.get("/assets/index-abc123.js");
        assertEquals(200, res.statusCode());
        assertEquals("public, max-age=31536000, immutable", res.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("console.log('argus')", res.body());
    }

    @Test
    void revalidationWithAMatchingEtagAnswers304NotAnError() throws Exception {
        HttpResponse<String> first = argus.get("/favicon.svg");
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = argus.send(HttpRequest.newBuilder(argus.uri("/favicon.svg")).header("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void clientRoutesGetIndexHtmlWithoutCaching() throws Exception {
        HttpResponse<String> res = argus.get("/calls?range=7d");
        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("<div id=root>"));
        assertEquals("no-cache", res.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(res.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }

    @Test
    void missingAssetsAndApiRoutesAreJson404s() throws Exception {
        for (String path : new String[] {"/assets/missing-000.js", "/api/v1/no-such-feature"}) {
            HttpResponse<String> res = argus.get(path);
            assertEquals(404, res.statusCode(), path);
            assertTrue(res.body().contains("\"not_found\""), path + ": " + res.body());
        }
    }
}
