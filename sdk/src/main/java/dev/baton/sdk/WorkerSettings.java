package dev.baton.sdk;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

/**
 * What a {@link Worker} was built with, defaults filled in: who it is (name, host), what it serves
 * (handlers, commands, threads) and how patient it is (poll wait, shutdown grace, retries).
 */
record WorkerSettings(
        String name,
        String host,
        int threads,
        Map<String, TaskHandler> handlers,
        Map<String, CommandHandler> commands,
        int pollWaitSeconds,
        Duration shutdownGrace,
        Backoff backoff,
        int reportAttempts) {

    WorkerSettings {
        name = name != null ? name : defaultName();
        host = host != null ? host : localHost();
        handlers = Map.copyOf(handlers);
        commands = Map.copyOf(commands);
    }

    /** The name of one of the worker's threads: {@code baton-worker-<name>-<role>}. */
    String threadName(String role) {
        return "baton-worker-" + name + "-" + role;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** host-pid, made a valid worker name. */
    private static String defaultName() {
        String name = (localHost() + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9._:-]", "-");
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
