package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;

/** Shared-storage steps over {@link Api} for black-box tests: PUT/GET/DELETE with conditional headers. */
public final class StorageClient {

    public static final String BASE = "/api/storage";

    private final Api api;

    private StorageClient(Api api) {
        this.api = api;
    }

    public static StorageClient of(Api api) {
        return new StorageClient(api);
    }

    /** PUT {@code json} at {@code path}; {@code headers} are name, value pairs (If-Match, If-None-Match ...). */
    public Api.Reply put(String path, String json, String... headers) {
        HttpRequest.Builder request = api.request(BASE + "/" + path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        return api.send(withHeaders(request, headers));
    }

    /** PUT and assert a 200 or 201; returns the stored version. */
    public long store(String path, String json) {
        Api.Reply reply = put(path, json);
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
        return reply.json().getJsonNumber("version").longValue();
    }

    public Api.Reply get(String path) {
        return api.get(path.isEmpty() ? BASE : BASE + "/" + path);
    }

    /** GET and assert the 200; returns the body as any JSON value. */
    public JsonValue value(String path) {
        Api.Reply reply = get(path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return parse(reply.body());
    }

    public Api.Reply delete(String path, String... headers) {
        return api.send(withHeaders(api.request(BASE + "/" + path).DELETE(), headers));
    }

    /** Any JSON value (a GET of a value may answer a number, a string, null ...). */
    public static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }
}
