package dev.baton.activities.entity;

import static dev.baton.activities.entity.PluginRunStatus.CANCELLED;
import static dev.baton.activities.entity.PluginRunStatus.COMPLETE;
import static dev.baton.activities.entity.PluginRunStatus.ERROR;
import static dev.baton.activities.entity.PluginRunStatus.IN_PROGRESS;
import static dev.baton.activities.entity.PluginRunStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PluginRunStatusTest {

    /** The plugin lifecycle written out by hand, independently of {@link PluginRunStatus}'s table. */
    private static final Map<PluginRunStatus, Set<PluginRunStatus>> EXPECTED = Map.of(
            PENDING, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETE, ERROR, CANCELLED),
            COMPLETE, EnumSet.noneOf(PluginRunStatus.class),
            ERROR, EnumSet.noneOf(PluginRunStatus.class),
            CANCELLED, EnumSet.noneOf(PluginRunStatus.class));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (PluginRunStatus from : PluginRunStatus.values()) {
            for (PluginRunStatus to : PluginRunStatus.values()) {
                pairs.add(Arguments.of(from, to, EXPECTED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @Test
    void expectedTableNamesEveryStatus() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(PluginRunStatus.values());
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void everyMoveFollowsTheTable(PluginRunStatus from, PluginRunStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        ActivityPluginRun plugin = pluginIn(from);
        if (allowed) {
            plugin.moveTo(to);
            assertThat(plugin.getStatus()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> plugin.moveTo(to))
                    .isInstanceOf(IllegalActivityTransition.class)
                    .hasMessageContaining(
                            "plugin 'p' of activity run r is " + from.json() + " and cannot become " + to.json());
            assertThat(plugin.getStatus()).isEqualTo(from);
        }
    }

    @Test
    void jsonNamesAreTheReferences() {
        assertThat(Stream.of(PluginRunStatus.values()).map(PluginRunStatus::json))
                .containsExactly("Pending", "InProgress", "Complete", "Error", "Cancelled");
        assertThat(EnumSet.allOf(PluginRunStatus.class).stream().filter(PluginRunStatus::isTerminal))
                .containsExactlyInAnyOrder(COMPLETE, ERROR, CANCELLED);
    }

    @Test
    void aCompletionWithoutMessageKeepsTheLastProgressMessage() {
        ActivityPluginRun plugin = pluginIn(IN_PROGRESS);
        plugin.progress("half way");

        plugin.ended(COMPLETE, null, 5);

        assertThat(plugin.getMessage()).isEqualTo("half way");
        assertThat(plugin.getEndTime()).isEqualTo(5);
    }

    @Test
    void aPluginRunCopiesTheRegisteredCompletion() {
        ActivityPlugin registered = new ActivityPlugin("a", "p");
        registered.replace(PluginStage.PARALLEL, null, "h", null, 5, true, PluginCompletion.REPORT, 0, "u");

        ActivityPluginRun plugin = new ActivityPluginRun("r", registered, 0);

        assertThat(plugin.getCompletion()).isEqualTo(PluginCompletion.REPORT);
        assertThat(plugin.getTimeoutSeconds()).isEqualTo(5);
        assertThat(plugin.isOptional()).isTrue();
        assertThat(plugin.getStatus()).isEqualTo(PENDING);
    }

    /** A plugin run moved from Pending to {@code status} along allowed moves. */
    private static ActivityPluginRun pluginIn(PluginRunStatus status) {
        ActivityPlugin registered = new ActivityPlugin("a", "p");
        registered.replace(PluginStage.PRE, 1, "h", null, null, false, PluginCompletion.HANDLER, 0, "u");
        ActivityPluginRun plugin = new ActivityPluginRun("r", registered, 0);
        switch (status) {
            case PENDING -> {}
            case CANCELLED -> plugin.moveTo(CANCELLED);
            case IN_PROGRESS -> plugin.started("t", 1);
            default -> {
                plugin.started("t", 1);
                plugin.moveTo(status);
            }
        }
        return plugin;
    }
}
