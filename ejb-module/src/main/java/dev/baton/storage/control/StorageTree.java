package dev.baton.storage.control;

import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles stored values into the JSON a read answers: nested by segment ({@code a.b.c = 1} below
 * {@code a} → {@code {"b":{"c":1}}}) or flat by path ({@code {"a.b.c":1}}). Members are sorted by name.
 */
public final class StorageTree {

    private StorageTree() {}

    /**
     * The values (full path → value) below {@code base} as one object nested by segment; {@code base} null
     * assembles the whole tree. Under the tree rule no path holds both a value and children; should the
     * data ever break it, the children win.
     */
    public static JsonObject nested(StoragePath base, Map<String, JsonValue> values) {
        TreeMap<String, Object> root = new TreeMap<>();
        for (Map.Entry<String, JsonValue> entry : values.entrySet()) {
            String relative = base == null ? entry.getKey() : base.relative(entry.getKey());
            String[] segments = relative.split("\\.");
            TreeMap<String, Object> node = root;
            for (int i = 0; i < segments.length - 1; i++) {
                node = child(node, segments[i]);
            }
            node.putIfAbsent(segments[segments.length - 1], entry.getValue());
        }
        return toJson(root);
    }

    /** The values as one object keyed by full path, sorted. */
    public static JsonObject flat(Map<String, JsonValue> values) {
        JsonObjectBuilder flat = JsonDocuments.builders().createObjectBuilder();
        new TreeMap<>(values).forEach(flat::add);
        return flat.build();
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, Object> child(TreeMap<String, Object> node, String segment) {
        Object existing = node.get(segment);
        if (existing instanceof TreeMap<?, ?> child) {
            return (TreeMap<String, Object>) child;
        }
        TreeMap<String, Object> child = new TreeMap<>();
        node.put(segment, child); // replaces a value that should not be there: the children win
        return child;
    }

    @SuppressWarnings("unchecked")
    private static JsonObject toJson(TreeMap<String, Object> node) {
        JsonObjectBuilder json = JsonDocuments.builders().createObjectBuilder();
        for (Map.Entry<String, Object> member : node.entrySet()) {
            if (member.getValue() instanceof TreeMap<?, ?> child) {
                json.add(member.getKey(), toJson((TreeMap<String, Object>) child));
            } else {
                json.add(member.getKey(), (JsonValue) member.getValue());
            }
        }
        return json.build();
    }
}
