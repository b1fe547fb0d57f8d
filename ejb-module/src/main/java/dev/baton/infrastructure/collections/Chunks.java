package dev.baton.infrastructure.collections;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list into consecutive chunks of at most a given size (one query, message or transaction each). */
public final class Chunks {

    private Chunks() {}

    /**
     * The list's elements in order, in views of {@code size} elements, the last one possibly shorter;
     * none for an empty list.
     *
     * @throws IllegalArgumentException when {@code size} is not positive
     */
    public static <T> List<List<T>> of(List<T> list, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size + " is not positive");
        }
        List<List<T>> chunks = new ArrayList<>((list.size() + size - 1) / size);
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }
}
