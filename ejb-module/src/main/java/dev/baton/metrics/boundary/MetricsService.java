package dev.baton.metrics.boundary;

import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.metrics.control.Prometheus;
import dev.baton.metrics.control.RunMetrics;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.TaskStatus;
import dev.baton.workflows.entity.RunStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of active workflow runs, activity runs, plugin runs and tasks, as JSON or Prometheus text.
 * Series of a count that is 0 per workflow, activity or stage are left out; per-status counts always
 * list every status.
 */
@Stateless
public class MetricsService {

    @Inject
    RunMetrics metrics;

    @Inject
    TaskStore tasks;

    /** A snapshot of the counts (one transaction, so they are consistent with each other). */
    public record Snapshot(
            Map<RunStatus, Long> runsByStatus,
            Map<String, Long> activeRunsByWorkflow,
            Map<String, Long> activeActivityRuns,
            Map<String, Map<PluginStage, Long>> activePlugins,
            Map<TaskStatus, Long> tasksByStatus) {

        long activeRuns() {
            return RunMetrics.ACTIVE.stream().mapToLong(runsByStatus::get).sum();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(
                metrics.runsByStatus(),
                metrics.activeRunsByWorkflow(),
                metrics.activeActivityRuns(),
                metrics.activePlugins(),
                tasks.countByStatus());
    }

    public JsonObject json() {
        return json(snapshot());
    }

    public String prometheus() {
        return prometheus(snapshot());
    }

    static JsonObject json(Snapshot s) {
        JsonObjectBuilder byStatus = JsonDocuments.builders().createObjectBuilder();
        s.runsByStatus().forEach((status, n) -> byStatus.add(status.name(), n));
        JsonObjectBuilder byWorkflow = JsonDocuments.builders().createObjectBuilder();
        s.activeRunsByWorkflow().forEach(byWorkflow::add);
        JsonObjectBuilder byActivity = JsonDocuments.builders().createObjectBuilder();
        s.activeActivityRuns().forEach(byActivity::add);
        JsonObjectBuilder plugins = JsonDocuments.builders().createObjectBuilder();
        s.activePlugins().forEach((activity, stages) -> {
            JsonObjectBuilder perStage = JsonDocuments.builders().createObjectBuilder();
            stages.forEach((stage, n) -> perStage.add(stage.json(), n));
            plugins.add(activity, perStage);
        });
        JsonObjectBuilder tasks = JsonDocuments.builders().createObjectBuilder();
        s.tasksByStatus().forEach((status, n) -> tasks.add(status.name(), n));
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add(
                        "workflowRuns",
                        JsonDocuments.builders()
                                .createObjectBuilder()
                                .add("active", s.activeRuns())
                                .add("byStatus", byStatus)
                                .add("activeByWorkflow", byWorkflow))
                .add(
                        "activityRuns",
                        JsonDocuments.builders()
                                .createObjectBuilder()
                                .add(
                                        "active",
                                        s.activeActivityRuns().values().stream()
                                                .mapToLong(Long::longValue)
                                                .sum())
                                .add("activeByActivity", byActivity))
                .add(
                        "activityPlugins",
                        JsonDocuments.builders().createObjectBuilder().add("activeByActivity", plugins))
                .add("tasks", JsonDocuments.builders().createObjectBuilder().add("byStatus", tasks))
                .build();
    }

    /** The snapshot in the Prometheus text exposition format 0.0.4. */
    public static String prometheus(Snapshot s) {
        Prometheus text = new Prometheus();
        text.gauge("baton_workflow_runs", "Workflow runs by status.");
        s.runsByStatus().forEach((status, n) -> text.sample("baton_workflow_runs", Map.of("status", status.name()), n));
        text.gauge("baton_workflow_runs_active", "Active (RUNNING, WAITING, PAUSED) workflow runs by workflow.");
        s.activeRunsByWorkflow()
                .forEach((workflow, n) -> text.sample("baton_workflow_runs_active", Map.of("workflow", workflow), n));
        text.gauge("baton_activity_runs_active", "RUNNING activity runs by activity.");
        s.activeActivityRuns()
                .forEach((activity, n) -> text.sample("baton_activity_runs_active", Map.of("activity", activity), n));
        text.gauge("baton_activity_plugins_active", "InProgress plugin runs by activity and stage.");
        s.activePlugins()
                .forEach((activity, stages) -> stages.forEach((stage, n) -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    labels.put("activity", activity);
                    labels.put("stage", stage.json());
                    text.sample("baton_activity_plugins_active", labels, n);
                }));
        text.gauge("baton_tasks", "Tasks by status.");
        s.tasksByStatus().forEach((status, n) -> text.sample("baton_tasks", Map.of("status", status.name()), n));
        return text.toString();
    }
}
