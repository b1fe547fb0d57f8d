package dev.baton.workflows.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions of a definition as a directed graph: an edge from each action to every id in its
 * {@code next}. Ids naming no action are left out (the validator reports them). Immutable.
 */
public final class WorkflowGraph {

    private final Map<String, WorkflowAction> actions = new LinkedHashMap<>();
    private final Map<String, Set<String>> successors = new LinkedHashMap<>();
    private final Map<String, Set<String>> predecessors = new LinkedHashMap<>();

    public WorkflowGraph(List<WorkflowAction> actions) {
        actions.forEach(action -> this.actions.putIfAbsent(action.id(), action));
        this.actions.keySet().forEach(id -> {
            successors.put(id, new LinkedHashSet<>());
            predecessors.put(id, new LinkedHashSet<>());
        });
        this.actions.values().forEach(action -> action.next().values().stream()
                .flatMap(List::stream)
                .filter(this.actions::containsKey)
                .forEach(target -> {
                    successors.get(action.id()).add(target);
                    predecessors.get(target).add(action.id());
                }));
    }

    public static WorkflowGraph of(WorkflowDefinition definition) {
        return new WorkflowGraph(definition.actions());
    }

    public boolean contains(String id) {
        return actions.containsKey(id);
    }

    /** The action ids in definition order. */
    public List<String> ids() {
        return List.copyOf(actions.keySet());
    }

    /** Distinct ids of the actions that may follow {@code id}, in definition order. */
    public List<String> successors(String id) {
        return List.copyOf(successors.getOrDefault(id, Set.of()));
    }

    /** Distinct ids of the actions whose {@code next} names {@code id}, in definition order of those actions. */
    public List<String> predecessors(String id) {
        List<String> ordered = new ArrayList<>(predecessors.getOrDefault(id, Set.of()));
        List<String> all = ids();
        ordered.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
        return Collections.unmodifiableList(ordered);
    }

    /** How many distinct actions lead to {@code id} (what a join waits for). */
    public int inDegree(String id) {
        return predecessors.getOrDefault(id, Set.of()).size();
    }

    /** The keys of {@code id}'s next ("default", events, switch values) in document order. */
    public List<String> nextKeys(String id) {
        WorkflowAction action = actions.get(id);
        return action == null ? List.of() : List.copyOf(action.next().keySet());
    }

    /** {@code next[key]} of {@code id} as written (ids naming no action included); empty when absent. */
    public List<String> targets(String id, String key) {
        WorkflowAction action = actions.get(id);
        return action == null ? List.of() : action.next().getOrDefault(key, List.of());
    }

    /** Ids reachable from {@code start} (itself included), in breadth-first order. */
    public Set<String> reachableFrom(String start) {
        Set<String> seen = new LinkedHashSet<>();
        if (!contains(start)) {
            return seen;
        }
        List<String> queue = new ArrayList<>(List.of(start));
        seen.add(start);
        for (int i = 0; i < queue.size(); i++) {
            for (String next : successors.get(queue.get(i))) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }
}
