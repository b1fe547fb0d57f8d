package dev.baton.workflows.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the cycles of a workflow's actions by depth-first search in definition order; each cycle is
 * reported once, at the {@code next} entry that closes it.
 */
final class CycleFinder {

    /** A cycle's ids in order, first repeated at the end ({@code [2, 3, 2]}), and the closing edge's pointer. */
    record Cycle(List<String> ids, String pointer) {

        String describe() {
            return (ids.size() == 2 ? "self-loop " : "cycle ") + String.join(" → ", ids);
        }
    }

    private enum Mark {
        ON_PATH,
        DONE
    }

    private final Map<String, WorkflowAction> actions = new HashMap<>();
    private final Map<String, Mark> marks = new HashMap<>();
    private final List<String> path = new ArrayList<>();
    private final Set<Set<String>> reported = new HashSet<>();
    private final List<Cycle> cycles = new ArrayList<>();

    private CycleFinder(List<WorkflowAction> actions) {
        actions.forEach(action -> this.actions.putIfAbsent(action.id(), action));
    }

    static List<Cycle> find(List<WorkflowAction> actions) {
        CycleFinder finder = new CycleFinder(actions);
        for (WorkflowAction action : actions) {
            if (!finder.marks.containsKey(action.id())) {
                finder.visit(action);
            }
        }
        return finder.cycles;
    }

    private void visit(WorkflowAction action) {
        marks.put(action.id(), Mark.ON_PATH);
        path.add(action.id());
        action.next().forEach((key, targets) -> {
            for (int j = 0; j < targets.size(); j++) {
                WorkflowAction target = actions.get(targets.get(j));
                if (target == null) {
                    continue;
                }
                Mark mark = marks.get(target.id());
                if (mark == Mark.ON_PATH) {
                    report(target.id(), Findings.pointer(action.pointer() + "/next", key) + "/" + j);
                } else if (mark == null) {
                    visit(target);
                }
            }
        });
        path.remove(path.size() - 1);
        marks.put(action.id(), Mark.DONE);
    }

    private void report(String start, String pointer) {
        List<String> ids = new ArrayList<>(path.subList(path.lastIndexOf(start), path.size()));
        if (reported.add(new TreeSet<>(ids))) {
            ids.add(start);
            cycles.add(new Cycle(List.copyOf(ids), pointer));
        }
    }
}
