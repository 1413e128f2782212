package dev.argus.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON requests to a {@link RunningArgus} with an API key. */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final RunningArgus argus;
    private final String secret;

    public ApiClient(RunningArgus argus, String secret) {
        this.argus = argus;
        this.secret = secret;
    }

    public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return argus.send(HttpRequest.newBuilder(argus.uri(path)).header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return argus.send(HttpRequest.newBuilder(argus.uri(path)).header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return argus.send(HttpRequest.newBuilder(argus.uri(path)).header("Authorization", "Bearer " + secret).GET());
    }

    /** GET that must answer 200, as a tree. */
    public JsonNode getOk(String path) throws IOException, InterruptedException {
        HttpResponse<String> res = get(path);
        if (res.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + res.statusCode() + " " + res.body());
        }
        return JSON.readTree(res.body());
    }

    /** POST that must answer 200, as a tree. */
    public JsonNode postOk(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> res = post(path, body);
        if (res.statusCode() != 200) {
            throw new AssertionError("POST " + path + " -> " + res.statusCode() + " " + res.body());
        }
        return JSON.readTree(res.body());
    }
}
