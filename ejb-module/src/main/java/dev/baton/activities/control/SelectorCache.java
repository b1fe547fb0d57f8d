package dev.baton.activities.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compiled selectors by their text, so a filter is parsed once, not on every run. Thread-safe; bounded
 * by dropping everything when full (filters are few, and recompiling is cheap).
 */
public final class SelectorCache implements Function<String, Selector> {

    private final int capacity;
    private final Map<String, Selector> compiled = new ConcurrentHashMap<>();

    public SelectorCache(int capacity) {
        this.capacity = capacity;
    }

    /** The selector for {@code text}. @throws SelectorSyntaxException when it is invalid (never cached) */
    @Override
    public Selector apply(String text) {
        Selector cached = compiled.get(text);
        if (cached != null) {
            return cached;
        }
        Selector selector = Selector.compile(text);
        if (compiled.size() >= capacity) {
            compiled.clear();
        }
        compiled.put(text, selector);
        return selector;
    }

    int size() {
        return compiled.size();
    }
}
