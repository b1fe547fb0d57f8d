package dev.baton.workflows.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.storage.control.Precondition;
import dev.baton.storage.control.StorageOperations;
import dev.baton.storage.control.StoragePath;
import dev.baton.storage.control.StorageRead;
import dev.baton.storage.control.StorageTree;
import dev.baton.storage.control.StoredValue;
import dev.baton.storage.control.Written;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The {@code storage} object of javascript actions, over an in-memory storage. */
class ScriptStorageTest {

    private final MapStorage storage = new MapStorage();
    private final ScriptSandbox sandbox = new ScriptSandbox();

    private static JsonObject json(String text) {
        return JsonDocuments.parse(text).asJsonObject();
    }

    private JsonObject run(String source) {
        return sandbox.run(source, json("{\"input\":{}}"), new ScriptStorage(storage, "ada"));
    }

    @Test
    void putStoresJsonAndAnswersTheVersionAndGetReadsItBackAsPlainJs() {
        JsonObject output = run("$.v1 = storage.put('cfg.limits', {max: 3, names: ['a', 'b']});"
                + "$.v2 = storage.put('cfg.limits', {max: 4, names: ['a']});"
                + "var limits = storage.get('cfg.limits');"
                + "$.max = limits.max; $.isArray = Array.isArray(limits.names); $.type = typeof limits;");

        assertThat(output).isEqualTo(json("{\"v1\":1,\"v2\":2,\"max\":4,\"isArray\":true,\"type\":\"object\"}"));
        assertThat(storage.values.get("cfg.limits").value()).isEqualTo(json("{\"max\":4,\"names\":[\"a\"]}"));
        assertThat(storage.users).containsExactly("ada", "ada");
    }

    @Test
    void scalarsAndNullAreValuesToo() {
        JsonObject output = run(
                "storage.put('s', 'text'); storage.put('n', 1.5); storage.put('z', null);"
                        + "storage.put('t', true); $.s = storage.get('s'); $.n = storage.get('n');"
                        + "$.zIsNull = storage.get('z') === null; $.zExists = storage.entry('z') !== null; $.t = storage.get('t');");

        assertThat(output).isEqualTo(json("{\"s\":\"text\",\"n\":1.5,\"zIsNull\":true,\"zExists\":true,\"t\":true}"));
    }

    @Test
    void nothingStoredReadsAsNull() {
        assertThat(run("$.value = storage.get('missing'); $.entry = storage.entry('missing');"))
                .isEqualTo(json("{\"value\":null,\"entry\":null}"));
    }

    @Test
    void aPrefixReadsTheSubtreeAsAnObjectWithoutAVersion() {
        JsonObject output = run("storage.put('jobs.a.state', 'done'); storage.put('jobs.b.state', 'running');"
                + "$.tree = storage.get('jobs'); $.entry = storage.entry('jobs');");

        assertThat(output.getJsonObject("tree"))
                .isEqualTo(json("{\"a\":{\"state\":\"done\"},\"b\":{\"state\":\"running\"}}"));
        assertThat(output.getJsonObject("entry"))
                .isEqualTo(json("{\"path\":\"jobs\",\"version\":null,\"value\":"
                        + "{\"a\":{\"state\":\"done\"},\"b\":{\"state\":\"running\"}}}"));
    }

    @Test
    void entryGivesTheVersionForCompareAndSet() {
        JsonObject output = run("storage.put('c', 10); storage.put('c', 11);"
                + "var e = storage.entry('c');"
                + "$.entry = e;"
                + "$.stale = storage.cas('c', e.version - 1, 0);"
                + "$.won = storage.cas('c', e.version, e.value + 1);"
                + "$.after = storage.entry('c');");

        assertThat(output)
                .isEqualTo(json("{\"entry\":{\"path\":\"c\",\"version\":2,\"value\":11},\"stale\":false,\"won\":true,"
                        + "\"after\":{\"path\":\"c\",\"version\":3,\"value\":12}}"));
    }

    @Test
    void casWithoutAVersionCreatesOnly() {
        JsonObject output = run("$.first = storage.cas('lock', null, 'me');"
                + "$.second = storage.cas('lock', undefined, 'you');"
                + "$.holder = storage.get('lock');");

        assertThat(output).isEqualTo(json("{\"first\":true,\"second\":false,\"holder\":\"me\"}"));
    }

    @Test
    void removeDeletesAndSaysWhetherAnythingWasThere() {
        JsonObject output = run("storage.put('tmp.x', 1); $.removed = storage.remove('tmp');"
                + "$.again = storage.remove('tmp'); $.gone = storage.get('tmp.x');");

        assertThat(output).isEqualTo(json("{\"removed\":true,\"again\":false,\"gone\":null}"));
    }

    @Test
    void aBadPathIsAnErrorTheScriptCanCatch() {
        JsonObject output = run("try { storage.get('a..b'); } catch (e) {"
                + " $.message = e.message; $.isError = e instanceof Error; }");

        assertThat(output.getString("message")).startsWith("storage.get: path: segment 2 is empty");
        assertThat(output.getBoolean("isError")).isTrue();
    }

    @Test
    void anUncaughtStorageErrorFailsTheScriptWithItsMessage() {
        assertThatThrownBy(() -> run("storage.put('a b', 1);"))
                .isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("storage.put: path: segment 1 ('a b') may hold only");
    }

    @Test
    void argumentsThatAreNoPathOrNoJsonAreTypeErrors() {
        assertThatThrownBy(() -> run("storage.get(42);"))
                .isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("TypeError: storage.get: the path must be a string, was number");
        assertThatThrownBy(() -> run("storage.put('a');"))
                .isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("TypeError: storage.put: the value must be JSON, was undefined");
        assertThatThrownBy(() -> run("storage.put('a', function () {});"))
                .isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("the value must be JSON, was function");
        assertThatThrownBy(() -> run("var o = {}; o.self = o; storage.put('a', o);"))
                .isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("TypeError");
        assertThatThrownBy(() -> run("storage.cas('a', 'one', 1);"))
                .isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("storage.cas: the version must be a whole number");
        assertThat(storage.values).isEmpty();
    }

    @Test
    void aServerFailureIsAPlainJsErrorWithoutAnyJavaObject() {
        storage.failure = new IllegalStateException("database down");

        JsonObject output = run("try { storage.get('a'); } catch (e) {"
                + " $.message = e.message; $.java = typeof e.javaException; $.rhino = typeof e.rhinoException; }");

        assertThat(output.getString("message"))
                .matches("storage.get failed on the server \\(incident [-0-9a-f]{36}\\)");
        assertThat(output.getString("java")).isEqualTo("undefined");
        assertThat(output.getString("rhino")).isEqualTo("undefined");
    }

    @Test
    void theStorageFunctionsCannotBeReplaced() {
        assertThat(run("storage.get = function () { return 'fake'; }; storage.put('x', 1); $.x = storage.get('x');"))
                .isEqualTo(json("{\"x\":1}"));
    }

    @Test
    void withoutStorageTheNameIsNotDefined() {
        assertThatThrownBy(() -> sandbox.run("storage.get('a');", json("{\"input\":{}}")))
                .isInstanceOf(ScriptFailure.class)
                .hasMessageContaining("\"storage\" is not defined");
    }

    @Test
    void whatAStorageCallAllocatesOnTheServerDoesNotCountAgainstTheScriptsMemory() {
        ScriptSandbox small = new ScriptSandbox(10_000, 8L << 20, 1 << 20);
        storage.allocatePerRead = 32;

        JsonObject output =
                small.run("$.v = storage.get('a');", json("{\"input\":{}}"), new ScriptStorage(storage, "ada"));

        assertThat(output).isEqualTo(json("{\"v\":null}"));
    }

    /** Storage semantics enough for the bindings: versions, preconditions, subtrees by prefix. */
    static final class MapStorage implements StorageOperations {
        final Map<String, StoredValue> values = new TreeMap<>();
        final List<String> users = new ArrayList<>();
        RuntimeException failure;
        int allocatePerRead;
        static volatile byte[] sink;

        @Override
        public Optional<StorageRead> read(String path) {
            StoragePath parsed = StoragePath.parse(path);
            if (failure != null) {
                throw failure;
            }
            for (int i = 0; i < allocatePerRead; i++) {
                sink = new byte[1 << 20];
            }
            StoredValue value = values.get(path);
            if (value != null) {
                return Optional.of(new StorageRead(path, value.value(), value.version()));
            }
            Map<String, JsonValue> below = below(path);
            return below.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new StorageRead(path, StorageTree.nested(parsed, below), null));
        }

        @Override
        public Written write(String path, JsonValue value, Precondition precondition, String user) {
            StoragePath.parse(path);
            StoredValue current = values.get(path);
            precondition.check(
                    path,
                    current == null ? null : current.version(),
                    current != null || !below(path).isEmpty());
            StoredValue stored = new StoredValue(path, current == null ? 1 : current.version() + 1, value);
            values.put(path, stored);
            users.add(user);
            return new Written(stored, current == null);
        }

        @Override
        public boolean remove(String path, Precondition precondition) {
            StoragePath.parse(path);
            boolean removed = values.remove(path) != null;
            return values.keySet().removeIf(p -> p.startsWith(path + ".")) || removed;
        }

        private Map<String, JsonValue> below(String path) {
            Map<String, JsonValue> below = new TreeMap<>();
            values.forEach((p, v) -> {
                if (p.startsWith(path + ".")) {
                    below.put(p, v.value());
                }
            });
            return below;
        }
    }
}
