package dev.baton.sdk;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * HTTP to one Baton server with BASIC credentials: one request, or several with backoff when the failure
 * is transient. A connection that could not be opened is always retried (nothing was sent); other I/O
 * failures and 502/504 only for idempotent calls; 503 always (the server refused before doing anything).
 */
final class Transport {

    private static final System.Logger LOG = System.getLogger(Transport.class.getName());

    /** How often and how patiently a call is retried. */
    record Retry(boolean idempotent, int attempts) {

        /** Idempotent calls (reads, reports, heartbeats): a few attempts. */
        static final Retry IDEMPOTENT = new Retry(true, 5);
        /** Calls that must not be repeated after they may have reached the server. */
        static final Retry ONCE = new Retry(false, 5);

        Retry attempts(int n) {
            return new Retry(idempotent, n);
        }
    }

    /** An answer: status, headers and body text. */
    record Response(int status, HttpHeaders headers, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonValue json() {
            return body == null || body.isBlank() ? JsonValue.NULL : JsonCodec.parse(body);
        }

        JsonObject object() {
            JsonValue json = json();
            if (!(json instanceof JsonObject object)) {
                throw new BatonException("expected a JSON object from Baton, got " + JsonCodec.abbreviate(body));
            }
            return object;
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        BatonProblemException problem() {
            return BatonProblemException.of(status, body);
        }
    }

    private final String base;
    private final String authorization;
    private final HttpClient client;
    private final Backoff backoff;

    Transport(String url, String user, String password, HttpClient client, Backoff backoff) {
        String base = Objects.requireNonNull(url, "url").strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI.create(base); // fails early on a malformed URL
        this.base = base;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.client = client != null
                ? client
                : HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        this.backoff = backoff;
    }

    String base() {
        return base;
    }

    /** One call with retries per {@code retry}; an answer that is not 2xx is returned, not thrown. */
    Response send(
            String method, String path, JsonValue body, Map<String, String> headers, Duration timeout, Retry retry) {
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = exchange(method, path, body, headers, timeout);
            } catch (IOException e) {
                boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if ((notSent || retry.idempotent()) && attempt < retry.attempts()) {
                    LOG.log(Level.DEBUG, () -> method + " " + path + " failed (" + e + "), retrying");
                    pause(attempt);
                    continue;
                }
                throw new BatonException(method + " " + base + path + " failed: " + e, e);
            }
            int status = response.status();
            boolean transientStatus = status == 503 || (retry.idempotent() && (status == 502 || status == 504));
            if (transientStatus && attempt < retry.attempts()) {
                LOG.log(Level.DEBUG, () -> method + " " + path + " answered " + status + ", retrying");
                pause(attempt);
                continue;
            }
            return response;
        }
    }

    /** Like {@link #send} but a non-2xx answer throws its {@link BatonProblemException}. */
    Response require(String method, String path, JsonValue body, Duration timeout, Retry retry) {
        Response response = send(method, path, body, Map.of(), timeout, retry);
        if (!response.ok()) {
            throw response.problem();
        }
        return response;
    }

    /** One attempt; an interruption becomes a {@link BatonException} with the interrupt flag kept. */
    Response exchange(String method, String path, JsonValue body, Map<String, String> headers, Duration timeout)
            throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatonException(method + " " + path + " interrupted", e);
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(backoff.delay(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatonException("interrupted while waiting to retry", e);
        }
    }
}
