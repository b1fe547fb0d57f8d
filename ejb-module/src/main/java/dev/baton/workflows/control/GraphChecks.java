package dev.baton.workflows.control;

import java.util.List;
import java.util.Set;

/** The checks over the whole graph: ids in next and rootAction that name no action, cycles, unreachable actions. */
final class GraphChecks {

    private final Findings findings;

    GraphChecks(Findings findings) {
        this.findings = findings;
    }

    void check(String rootAction, List<WorkflowAction> actions) {
        if (actions.isEmpty()) {
            return;
        }
        WorkflowGraph graph = new WorkflowGraph(actions);
        boolean rootKnown = rootAction != null && graph.contains(rootAction);
        if (rootAction != null && !rootKnown) {
            findings.error(
                    "/rootAction", "rootAction '" + rootAction + "' names no action; the ids are " + graph.ids());
        }
        for (WorkflowAction action : actions) {
            action.next().forEach((key, targets) -> {
                for (int j = 0; j < targets.size(); j++) {
                    if (!graph.contains(targets.get(j))) {
                        findings.error(
                                Findings.pointer(action.pointer() + "/next", key) + "/" + j,
                                "no action has id '" + targets.get(j) + "'");
                    }
                }
            });
        }
        for (CycleFinder.Cycle cycle : CycleFinder.find(actions)) {
            findings.error(cycle.pointer(), "a workflow must not loop: " + cycle.describe());
        }
        if (rootKnown) {
            Set<String> reachable = graph.reachableFrom(rootAction);
            actions.stream()
                    .filter(action -> !reachable.contains(action.id()))
                    .forEach(action -> findings.error(
                            action.pointer(),
                            "action " + action.id() + " cannot be reached from rootAction " + rootAction));
        }
    }
}
