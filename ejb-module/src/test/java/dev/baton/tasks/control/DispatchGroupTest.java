package dev.baton.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.tasks.control.DispatchGroup.Dispatch;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DispatchGroupTest {

    @Test
    void aGroupSurvivesItsMessageBody() {
        DispatchGroup group = new DispatchGroup(List.of(
                new Dispatch("0190a0f0-0000-7000-8000-000000000001", 1),
                new Dispatch("0190a0f0-0000-7000-8000-000000000002-c1-17", 12)));

        DispatchGroup read = DispatchGroup.parse(group.encode());

        assertThat(read).isEqualTo(group);
        assertThat(read.taskIds())
                .containsExactly("0190a0f0-0000-7000-8000-000000000001", "0190a0f0-0000-7000-8000-000000000002-c1-17");
        assertThat(read.size()).isEqualTo(2);
    }

    @Test
    void malformedBodiesAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> DispatchGroup.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DispatchGroup.parse("a 1\nb\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> DispatchGroup.parse("a x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("numeric");
        assertThatThrownBy(() -> DispatchGroup.parse("a \n")).hasMessageContaining("line 1");
    }

    @Test
    void chunksKeepTheOrderAndTheLimit() {
        List<Dispatch> dispatches =
                IntStream.range(0, 7).mapToObj(i -> new Dispatch("t" + i, 1)).toList();

        List<DispatchGroup> groups = DispatchGroup.chunks(dispatches, 3);

        assertThat(groups).extracting(DispatchGroup::size).containsExactly(3, 3, 1);
        assertThat(groups.stream().flatMap(g -> g.taskIds().stream()))
                .containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(DispatchGroup.chunks(dispatches, 50)).hasSize(1);
        assertThat(DispatchGroup.chunks(List.of(), 5)).isEmpty();
        assertThatThrownBy(() -> DispatchGroup.chunks(dispatches, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
