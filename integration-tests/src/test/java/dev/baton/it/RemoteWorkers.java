package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/** The raw remote worker protocol (docs/workers.md) for tests: one registered worker. */
public final class RemoteWorkers {

    public static final String BASE = "/api/workers";

    private final Api api;
    private final String id;

    private RemoteWorkers(Api api, String id) {
        this.api = api;
        this.id = id;
    }

    /** Registers a worker as the dev user {@code worker}. */
    public static RemoteWorkers register(String name, int threads, String... handlers) {
        Api api = Api.as("worker", "worker");
        String body = "{\"name\":\"" + name + "\",\"host\":\"it\",\"threads\":" + threads + ",\"handlers\":[\""
                + String.join("\",\"", handlers) + "\"]}";
        Api.Reply reply = api.post(BASE, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new RemoteWorkers(api, reply.json().getString("id"));
    }

    public String id() {
        return id;
    }

    public Api.Reply poll(int max, int waitSeconds) {
        return api.post(BASE + "/" + id + "/poll?max=" + max + "&wait=" + waitSeconds);
    }

    /** Polls and expects exactly one task within {@code waitSeconds}. */
    public JsonObject pollOne(int waitSeconds) {
        Api.Reply reply = poll(1, waitSeconds);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("tasks")).as(reply.toString()).hasSize(1);
        return reply.json().getJsonArray("tasks").getJsonObject(0);
    }

    public Api.Reply complete(JsonObject task, String resultJson) {
        return report(
                task, "complete", "{\"lease\":\"" + task.getString("lease") + "\",\"result\":" + resultJson + "}");
    }

    public Api.Reply fail(JsonObject task, String error) {
        return report(task, "fail", "{\"lease\":\"" + task.getString("lease") + "\",\"error\":\"" + error + "\"}");
    }

    public Api.Reply report(JsonObject task, String kind, String body) {
        return api.post(BASE + "/" + id + "/tasks/" + task.getString("id") + "/" + kind, body);
    }

    public Api.Reply heartbeat(String... running) {
        String body = running.length == 0 ? "{}" : "{\"running\":[\"" + String.join("\",\"", running) + "\"]}";
        return api.post(BASE + "/" + id + "/heartbeat", body);
    }

    public JsonObject info() {
        return Api.admin().get(BASE + "/" + id).json();
    }

    public String status() {
        return info().getString("status");
    }

    public Api.Reply deregister() {
        return api.delete(BASE + "/" + id);
    }
}
