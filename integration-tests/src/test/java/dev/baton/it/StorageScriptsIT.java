package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Workflows.action;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared storage from scripts: a workflow's javascript action through the {@code storage} object
 * (reads what REST wrote, writes what REST reads, compare-and-set, subtrees, errors), parallel runs
 * counting with compare-and-set, and the example workspace script {@code counter.js}, which calls the REST
 * API with the URL and credentials Baton passes to every script.
 */
@ExtendWith(ArquillianExtension.class)
class StorageScriptsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final StorageClient storage = StorageClient.of(api);
    private final Workflows workflows = Workflows.of(api);
    private final Tasks tasks = Tasks.of(api);
    private final String root = Tasks.unique("sc");

    @Test
    void aJavascriptActionReadsAndWritesTheSharedStorage() {
        storage.store(root + ".greeting", "\"hello from REST\"");
        workflows.save("storage-script");

        String id =
                workflows.start("storage-script", "{\"base\":\"" + root + "\"}").getString("id");
        JsonObject run = workflows.awaitStatus(id, "COMPLETED");

        JsonObject output = action(run, "1").getJsonObject("output");
        assertThat(output.getString("greeting")).isEqualTo("hello from REST");
        assertThat(output.getInt("v1")).isEqualTo(1);
        assertThat(output.getInt("v2")).isEqualTo(2);
        assertThat(output.getBoolean("created")).isTrue();
        assertThat(output.getBoolean("again")).isFalse();
        assertThat(output.getJsonObject("entry"))
                .isEqualTo(StorageClient.parse("{\"path\":\"" + root + ".config\",\"version\":2,"
                        + "\"value\":{\"limit\":4,\"by\":\"script\"}}"));
        assertThat(output.getJsonObject("tree"))
                .isEqualTo(StorageClient.parse("{\"config\":{\"limit\":4,\"by\":\"script\"},"
                        + "\"greeting\":\"hello from REST\",\"lock\":\"run\"}"));
        assertThat(output.getBoolean("removed")).isTrue();
        assertThat(output.isNull("missing")).isTrue();
        assertThat(output.getString("conflict")).startsWith("storage.put: '" + root + ".config' holds a value");
        assertThat(action(run, "2").getJsonObject("output").getInt("limit")).isEqualTo(4);
        // what the script wrote is there for everyone
        Api.Reply config = storage.get(root + ".config");
        assertThat(config.header("ETag")).isEqualTo("\"2\"");
        assertThat(StorageClient.parse(config.body()))
                .isEqualTo(StorageClient.parse("{\"limit\":4,\"by\":\"script\"}"));
        assertProblem(storage.get(root + ".lock"), 404);
    }

    @Test
    void parallelRunsCountingWithCompareAndSetLoseNoIncrement() {
        workflows.save("storage-counter");
        int runs = 10;

        List<JsonObject> started =
                Parallel.times(runs, i -> workflows.start("storage-counter", "{\"path\":\"" + root + ".runs\"}"));

        List<Integer> versions = started.stream()
                .map(run -> workflows.awaitStatus(run.getString("id"), "COMPLETED"))
                .map(run -> action(run, "1").getJsonObject("output").getInt("version"))
                .toList();
        assertThat(storage.value(root + ".runs").toString()).isEqualTo(Integer.toString(runs));
        assertThat(storage.get(root + ".runs").header("ETag")).isEqualTo("\"" + runs + "\"");
        assertThat(versions).allSatisfy(v -> assertThat(v).isBetween(1, runs));
    }

    @Test
    void aStorageErrorFailsTheActionWithItsMessage() {
        workflows.save("storage-bad-path");

        JsonObject run = workflows.start("storage-bad-path", "{}");

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(action(run, "1").getString("error"))
                .contains("storage.put: path: segment 1 ('not a path') may hold only the characters");
    }

    @Test
    void theExampleCounterScriptCountsWithCompareAndSetThroughTheApi() {
        int count = 8;

        List<String> ids = Parallel.times(
                count,
                i -> tasks.submitId("{\"handler\":\"counter.js\",\"params\":{\"path\":\"" + root + ".script\"}}"));

        List<Integer> values = ids.stream()
                .map(id -> tasks.awaitStatus(id, "SUCCEEDED"))
                .map(task -> task.getJsonObject("result"))
                .peek(result -> assertThat(result.getString("path")).isEqualTo(root + ".script"))
                .map(result -> result.getInt("value"))
                .sorted()
                .toList();
        // each task added one and saw its own total: nothing lost, nothing counted twice
        assertThat(values)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, count).boxed().toList());
        assertThat(storage.value(root + ".script").toString()).isEqualTo(Integer.toString(count));
        assertThat(storage.get(root + ".script").header("ETag")).isEqualTo("\"" + count + "\"");
    }

    @Test
    void theCounterScriptRefusesAPathThatHoldsNoNumber() {
        storage.store(root + ".text", "\"abc\"");

        String id = tasks.submitId(
                "{\"handler\":\"counter.js\",\"maxTries\":1,\"params\":{\"path\":\"" + root + ".text\"}}");

        JsonObject task = tasks.awaitStatus(id, "ERROR");
        assertThat(task.getString("error")).contains(root + ".text holds \"abc\", not a number");
    }
}
