package dev.baton.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** One HTTP response: status code and body. */
record HttpReply(int status, String body) {

    JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** This reply, or an exception naming the request, if the status is not {@code expected}. */
    HttpReply expect(int expected, String request) {
        if (status != expected) {
            throw new IllegalStateException(request + " answered " + status + " (expected " + expected + "): " + body);
        }
        return this;
    }
}
