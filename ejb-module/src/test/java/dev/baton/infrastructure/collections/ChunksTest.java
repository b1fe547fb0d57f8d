package dev.baton.infrastructure.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void aListIsCutInOrderWithAShorterLastChunk() {
        List<Integer> list = IntStream.range(0, 7).boxed().toList();

        assertThat(Chunks.of(list, 3)).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6));
    }

    @Test
    void anExactMultipleHasNoEmptyChunkAndAShortListIsOneChunk() {
        assertThat(Chunks.of(List.of(1, 2, 3, 4), 2)).containsExactly(List.of(1, 2), List.of(3, 4));
        assertThat(Chunks.of(List.of(1, 2), 100)).containsExactly(List.of(1, 2));
    }

    @Test
    void anEmptyListHasNoChunks() {
        assertThat(Chunks.of(List.of(), 5)).isEmpty();
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> Chunks.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
