package dev.baton.workflows.control;

import dev.baton.activities.control.ActivityRunJson;
import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.JsonMembers;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The status document of a workflow run (the reference's OrchestratorWorkflowStatus): the run, each
 * activity action with its activity run's plugins per stage, and a flat summary of the other actions.
 */
public final class RunStatusJson {

    private RunStatusJson() {}

    /** An activity run with its plugins, as looked up for an activity action. */
    public record ActivityProgress(ActivityRun run, List<ActivityPluginRun> plugins) {}

    /**
     * @param activities looks up the activity run of an id (null when unknown)
     */
    public static JsonObject of(
            Run run,
            CompiledWorkflow workflow,
            Map<String, RunAction> actions,
            Function<String, ActivityProgress> activities) {
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("id", run.getId())
                .add("workflow", run.getWorkflow())
                .add("version", run.getWorkflowVersion())
                .add("status", run.getStatus().name());
        JsonMembers.time(json, "startTime", run.getStartTime());
        JsonMembers.time(json, "endTime", run.getEndTime());
        JsonArrayBuilder activityList = JsonDocuments.builders().createArrayBuilder();
        JsonArrayBuilder actionList = JsonDocuments.builders().createArrayBuilder();
        for (String id : workflow.graph().ids()) {
            WorkflowAction definition = workflow.action(id);
            RunAction action = actions.get(id);
            if (definition.type() == ActionType.ACTIVITY) {
                activityList.add(activity(definition, action, activities));
            } else {
                JsonObjectBuilder item = JsonDocuments.builders()
                        .createObjectBuilder()
                        .add("id", id)
                        .add("type", definition.type().jsonName())
                        .add("name", definition.name())
                        .add(
                                "status",
                                action == null ? "PENDING" : action.getStatus().name());
                actionList.add(item);
            }
        }
        return json.add("activities", activityList).add("actions", actionList).build();
    }

    private static JsonObjectBuilder activity(
            WorkflowAction definition, RunAction action, Function<String, ActivityProgress> activities) {
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("actionId", definition.id())
                .add("activity", definition.name())
                .add(
                        "actionStatus",
                        action == null ? "PENDING" : action.getStatus().name());
        String activityRunId = action == null ? null : action.getActivityRunId();
        ActivityProgress progress = activityRunId == null ? null : activities.apply(activityRunId);
        if (progress == null) {
            json.addNull("activityRunId").addNull("activityStatus");
            json.add("stages", ActivityRunJson.stages(List.of()));
            return json;
        }
        json.add("activityRunId", progress.run().getId())
                .add("activityStatus", progress.run().getStatus().name());
        JsonMembers.time(json, "startTime", progress.run().getStartTime());
        JsonMembers.time(json, "endTime", progress.run().getEndTime());
        if (progress.run().getError() != null) {
            json.add("error", progress.run().getError());
        }
        return json.add("stages", ActivityRunJson.stages(progress.plugins()));
    }
}
