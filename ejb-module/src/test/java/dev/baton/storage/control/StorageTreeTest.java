package dev.baton.storage.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageTreeTest {

    private static JsonValue json(String text) {
        return JsonDocuments.parse(text);
    }

    private static Map<String, JsonValue> values(String... pathsAndJson) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndJson.length; i += 2) {
            values.put(pathsAndJson[i], json(pathsAndJson[i + 1]));
        }
        return values;
    }

    @Test
    void aSubtreeIsNestedBySegmentBelowTheBase() {
        Map<String, JsonValue> values =
                values("a.b.c", "1", "a.b.d", "{\"x\":[1,2]}", "a.e", "\"text\"", "a.f.g.h", "null");

        JsonObject tree = StorageTree.nested(StoragePath.parse("a"), values);

        assertThat(tree)
                .isEqualTo(json("{\"b\":{\"c\":1,\"d\":{\"x\":[1,2]}},\"e\":\"text\",\"f\":{\"g\":{\"h\":null}}}"));
    }

    @Test
    void theWholeTreeStartsAtTheRootSegments() {
        JsonObject tree = StorageTree.nested(null, values("b.x", "2", "a", "true"));

        assertThat(tree).isEqualTo(json("{\"a\":true,\"b\":{\"x\":2}}"));
        assertThat(tree.keySet()).containsExactly("a", "b");
    }

    @Test
    void membersAreSortedWhateverTheOrderOfTheRows() {
        JsonObject tree = StorageTree.nested(StoragePath.parse("r"), values("r.z", "1", "r.a_b", "2", "r.a-b", "3"));

        assertThat(tree.keySet()).containsExactly("a-b", "a_b", "z");
    }

    @Test
    void nothingAssemblesToAnEmptyObject() {
        assertThat(StorageTree.nested(null, Map.of())).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
        assertThat(StorageTree.flat(Map.of())).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void flatKeysAreFullPaths() {
        JsonObject flat = StorageTree.flat(values("a.c", "2", "a.b.c", "{\"k\":1}"));

        assertThat(flat)
                .isEqualTo(Json.createObjectBuilder()
                        .add("a.b.c", Json.createObjectBuilder().add("k", 1))
                        .add("a.c", 2)
                        .build());
        assertThat(flat.keySet()).containsExactly("a.b.c", "a.c");
    }

    @Test
    void shouldAPathEverHoldAValueAndChildrenTheChildrenWin() {
        // impossible under the tree rule: the assembly still answers, in either row order
        assertThat(StorageTree.nested(null, values("a", "1", "a.b", "2"))).isEqualTo(json("{\"a\":{\"b\":2}}"));
        assertThat(StorageTree.nested(null, values("a.b", "2", "a", "1"))).isEqualTo(json("{\"a\":{\"b\":2}}"));
    }
}
