package dev.baton.handlers.control;

import dev.baton.cluster.control.RemoteHandlers;
import dev.baton.handlers.scripts.ScriptWorkspace;
import dev.baton.handlers.spi.TaskHandler;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Knows every handler: Java handlers (CDI beans) and the workspace's executable scripts (looked up on
 * each call, so scripts added to the folder are usable at once). A Java handler wins a name clash.
 */
@ApplicationScoped
public class HandlerRegistry {

    @Inject
    @Any
    Instance<TaskHandler> javaHandlers;

    @Inject
    BatonConfig config;

    @Inject
    RemoteHandlers remote;

    private Map<String, TaskHandler> byName;

    @PostConstruct
    void index() {
        Map<String, TaskHandler> handlers = new TreeMap<>();
        for (TaskHandler handler : javaHandlers) {
            handlers.put(handler.name(), handler);
        }
        byName = handlers;
    }

    public Optional<TaskHandler> javaHandler(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Path> script(String name) {
        return workspace().resolve(name);
    }

    /** A Java handler that runs within its claim's transaction (see {@link TaskHandler#inline()}). */
    public boolean isInline(String name) {
        return javaHandler(name).map(TaskHandler::inline).orElse(false);
    }

    /** Runs on this node's dispatch consumers: a Java handler or a workspace script. */
    public boolean isLocal(String name) {
        return byName.containsKey(name) || script(name).isPresent();
    }

    /** Served by remote workers only: no Java handler or workspace script has this name. */
    public boolean isRemoteOnly(String name) {
        return !isLocal(name) && servedByWorkers(name);
    }

    /** Some remote worker that has not left serves this name (whether or not it is also local). */
    public boolean servedByWorkers(String name) {
        return remote.serves(name);
    }

    /** Local, or served by remote workers. */
    public boolean isRegistered(String name) {
        return isLocal(name) || servedByWorkers(name);
    }

    /**
     * Throws a 400 problem naming the known handlers unless {@code name} is registered. A plain CDI
     * check: a JMS consumer's transaction stays usable for dead-lettering (an EJB throwing the
     * rollback-marked {@link ProblemException} would doom it).
     */
    public void requireRegistered(String name) {
        if (!isRegistered(name)) {
            List<String> known = names();
            throw new ProblemException(
                    400,
                    "unknown-handler",
                    "Unknown handler",
                    "handler '" + name + "' is not registered; known handlers: " + String.join(", ", known),
                    List.of(new Violation("/handler", "not registered")),
                    Map.of("knownHandlers", known));
        }
    }

    public ScriptWorkspace workspace() {
        return new ScriptWorkspace(config.workspace());
    }

    /** All handlers, Java first, then scripts, then remote ones, each group by name. */
    public List<HandlerInfo> all() {
        List<HandlerInfo> all = new ArrayList<>();
        byName.values().forEach(h -> all.add(new HandlerInfo(h.name(), HandlerInfo.Kind.JAVA, h.description())));
        for (String script : workspace().scriptNames()) {
            if (!byName.containsKey(script)) {
                all.add(new HandlerInfo(script, HandlerInfo.Kind.SCRIPT, "workspace script"));
            }
        }
        remote.workersByHandler().forEach((name, workers) -> {
            if (all.stream().noneMatch(h -> h.name().equals(name))) {
                all.add(new HandlerInfo(name, HandlerInfo.Kind.REMOTE, "served by " + workers + " remote worker(s)"));
            }
        });
        all.sort(Comparator.comparing(HandlerInfo::kind).thenComparing(HandlerInfo::name));
        return all;
    }

    /** The handlers a node runs itself (Java handlers and workspace scripts), by name. */
    public List<String> localNames() {
        List<String> names = new ArrayList<>(byName.keySet());
        workspace().scriptNames().stream().filter(s -> !byName.containsKey(s)).forEach(names::add);
        return names;
    }

    public List<String> names() {
        return all().stream().map(HandlerInfo::name).toList();
    }
}
