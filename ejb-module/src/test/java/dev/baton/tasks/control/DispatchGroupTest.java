package dev.baton.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.tasks.control.DispatchGroup.Dispatch;
import java.util.List;
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
}
