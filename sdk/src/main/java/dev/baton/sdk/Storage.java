package dev.baton.sdk;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shared storage (Clusterfy's {@code saveToStorage}/{@code retrieveFromStorage}): JSON values at dot
 * paths ({@code "jobs.resize.count"}) under {@code /api/storage/{path}}, each with a version for
 * optimistic concurrency. Reading a prefix path answers the sub-tree assembled from the paths below it.
 *
 * <pre>{@code
 * Storage storage = client.storage();
 * StorageEntry counter = storage.entry("stats.resized").orElseThrow();
 * while (!storage.compareAndSet("stats.resized", counter.version(), counter.value(Integer.class) + 1)) {
 *     counter = storage.entry("stats.resized").orElseThrow();
 * }
 * }</pre>
 */
public final class Storage {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Transport http;

    Storage(Transport http) {
        this.http = http;
    }

    /** The value and version at {@code path}, or empty when nothing is stored there (404). */
    public Optional<StorageEntry> entry(String path) {
        Transport.Response response = http.send("GET", url(path), null, Map.of(), TIMEOUT, Transport.Retry.IDEMPOTENT);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!response.ok()) {
            throw response.problem();
        }
        // GET answers the value itself, with its version as the ETag (none for a sub-tree)
        return Optional.of(new StorageEntry(path, etagVersion(response.header("ETag")), response.json()));
    }

    /** The value at {@code path} (a sub-tree object for a prefix), or empty. */
    public Optional<JsonValue> get(String path) {
        return entry(path).map(StorageEntry::value);
    }

    /** The value at {@code path} read with JSON-B, or empty. */
    public <T> Optional<T> get(String path, Class<T> type) {
        return entry(path).map(entry -> entry.value(type));
    }

    /** Stores {@code value} (any value JSON-B can write) at {@code path} whatever is there; answers the new version. */
    public StorageEntry put(String path, Object value) {
        Transport.Response response =
                http.send("PUT", url(path), JsonCodec.toJson(value), Map.of(), TIMEOUT, Transport.Retry.IDEMPOTENT);
        if (!response.ok()) {
            throw response.problem();
        }
        return written(path, response);
    }

    /**
     * Stores {@code value} only if the stored version still is {@code version} ({@code If-Match}); false
     * when someone changed it in between (412).
     */
    public boolean compareAndSet(String path, long version, Object value) {
        return conditionalPut(path, value, Map.of("If-Match", "\"" + version + "\""))
                .isPresent();
    }

    /** Stores {@code value} only if nothing is at {@code path} yet ({@code If-None-Match: *}); false when something is. */
    public boolean create(String path, Object value) {
        return conditionalPut(path, value, Map.of("If-None-Match", "*")).isPresent();
    }

    /** Removes what is at {@code path} (and below it); false when nothing was there. */
    public boolean delete(String path) {
        return delete(path, Map.of());
    }

    /** Removes the value at {@code path} only if its version still is {@code version}; false otherwise. */
    public boolean delete(String path, long version) {
        return delete(path, Map.of("If-Match", "\"" + version + "\""));
    }

    private boolean delete(String path, Map<String, String> headers) {
        Transport.Response response = http.send(
                "DELETE",
                url(path),
                null,
                headers,
                TIMEOUT,
                headers.isEmpty() ? Transport.Retry.IDEMPOTENT : Transport.Retry.ONCE);
        if (response.status() == 404 || response.status() == 412) {
            return false;
        }
        if (!response.ok()) {
            throw response.problem();
        }
        return true;
    }

    private Optional<StorageEntry> conditionalPut(String path, Object value, Map<String, String> headers) {
        Transport.Response response =
                http.send("PUT", url(path), JsonCodec.toJson(value), headers, TIMEOUT, Transport.Retry.ONCE);
        if (response.status() == 412) {
            return Optional.empty();
        }
        if (!response.ok()) {
            throw response.problem();
        }
        return Optional.of(written(path, response));
    }

    /** {@code /api/storage/a.b.c} with each segment percent-encoded. */
    static String url(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a storage path is required, e.g. \"jobs.resize\"");
        }
        return "/api/storage/"
                + Arrays.stream(path.split("\\.", -1))
                        .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8)
                                .replace("+", "%20"))
                        .collect(Collectors.joining("."));
    }

    /**
     * A write's answer as an entry: the envelope {@code {"path","version","value"}} (else the body is taken
     * as the value itself); the version comes from the envelope or the ETag.
     */
    private static StorageEntry written(String path, Transport.Response response) {
        long version = etagVersion(response.header("ETag"));
        JsonValue body = response.json();
        if (body instanceof JsonObject object
                && object.containsKey("value")
                && object.get("path") instanceof JsonString stored) {
            long bodyVersion = version(object.get("version"));
            return new StorageEntry(stored.getString(), bodyVersion != 0 ? bodyVersion : version, object.get("value"));
        }
        return new StorageEntry(path, version, body);
    }

    private static long version(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.longValue();
        }
        if (value instanceof JsonString text) {
            return parseVersion(text.getString());
        }
        return 0;
    }

    static long etagVersion(String etag) {
        if (etag == null) {
            return 0;
        }
        String tag = etag.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return parseVersion(tag);
    }

    private static long parseVersion(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
