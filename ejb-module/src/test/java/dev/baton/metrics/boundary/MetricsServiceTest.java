package dev.baton.metrics.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.activities.entity.PluginStage;
import dev.baton.tasks.entity.TaskStatus;
import dev.baton.workflows.entity.RunStatus;
import jakarta.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsServiceTest {

    private static MetricsService.Snapshot snapshot() {
        Map<RunStatus, Long> runs = new EnumMap<>(RunStatus.class);
        for (RunStatus s : RunStatus.values()) {
            runs.put(s, 0L);
        }
        runs.put(RunStatus.RUNNING, 2L);
        runs.put(RunStatus.PAUSED, 1L);
        runs.put(RunStatus.COMPLETED, 7L);
        Map<TaskStatus, Long> tasks = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            tasks.put(s, 0L);
        }
        tasks.put(TaskStatus.QUEUED, 4L);
        return new MetricsService.Snapshot(
                runs,
                Map.of("wf \"x\"", 3L),
                Map.of("act", 1L),
                Map.of("act", Map.of(PluginStage.PARALLEL, 2L)),
                tasks);
    }

    @Test
    void prometheusTextHasEveryFamilyWithEscapedLabels() {
        String text = MetricsService.prometheus(snapshot());

        assertThat(text)
                .contains("# TYPE baton_workflow_runs_active gauge\n")
                .contains("baton_workflow_runs{status=\"RUNNING\"} 2\n")
                .contains("baton_workflow_runs_active{workflow=\"wf \\\"x\\\"\"} 3\n")
                .contains("baton_activity_runs_active{activity=\"act\"} 1\n")
                .contains("baton_activity_plugins_active{activity=\"act\",stage=\"parallel\"} 2\n")
                .contains("baton_tasks{status=\"QUEUED\"} 4\n");
        assertThat(text.lines().filter(l -> l.startsWith("# TYPE"))).hasSize(5);
    }

    @Test
    void jsonSumsTheActiveStatuses() {
        JsonObject json = MetricsService.json(snapshot());

        assertThat(json.getJsonObject("workflowRuns").getInt("active")).isEqualTo(3);
        assertThat(json.getJsonObject("workflowRuns")
                        .getJsonObject("activeByWorkflow")
                        .getInt("wf \"x\""))
                .isEqualTo(3);
        assertThat(json.getJsonObject("activityRuns").getInt("active")).isEqualTo(1);
        assertThat(json.getJsonObject("activityPlugins")
                        .getJsonObject("activeByActivity")
                        .getJsonObject("act")
                        .getInt("parallel"))
                .isEqualTo(2);
        assertThat(json.getJsonObject("tasks").getJsonObject("byStatus").getInt("QUEUED"))
                .isEqualTo(4);
    }
}
