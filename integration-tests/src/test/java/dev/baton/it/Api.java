package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for black-box tests of the REST API on the test server. */
public final class Api {

    public static final String BASE = "http://127.0.0.1:" + System.getProperty("baton.it.http.port", "8180");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String authorization;

    private Api(String user, String password) {
        this(BASE, user, password);
    }

    private Api(String base, String user, String password) {
        this.base = base;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The documented dev user with every role. */
    public static Api admin() {
        return new Api("baton", "baton");
    }

    public static Api as(String user, String password) {
        return new Api(user, password);
    }

    /** The dev admin user against another server (e.g. one a test starts itself). */
    public static Api adminAt(String base) {
        return new Api(base, "baton", "baton");
    }

    public static Api anonymous() {
        return new Api(null, null);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String json, String header, String value) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST without a body (cancel, retry). */
    public Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST with any content type and body (null content type: no Content-Type header). */
    public Reply post(String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = request(path).POST(body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method without a body (PUT, PATCH ... for the wrong-method cases). */
    public Reply method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /** Parses a JSON object (a response body, a JMS reply). */
    public static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonStructure structure = reader.read();
            return structure.asJsonObject();
        }
    }

    /** A response with JSON helpers. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return parse(response.body());
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
