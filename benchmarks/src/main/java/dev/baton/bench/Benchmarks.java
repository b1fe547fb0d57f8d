package dev.baton.bench;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point: starts the benchmark server, runs the selected scenarios, prints the machine, the load
 * before and after each scenario, and the figures as a Markdown table, then stops the server.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        PrintStream out = System.out;
        List<Figure> figures = new ArrayList<>();
        List<String> load = new ArrayList<>();
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        List<String> serverOptions;
        out.println("Baton benchmarks: starting a server on 127.0.0.1:" + config.httpPort() + " (base "
                + config.serverBase() + ")");
        load.add("before server start: " + Machine.uptime());
        try (BatonServer server = new BatonServer(config)) {
            server.start();
            serverOptions = server.javaOptions();
            CpuClock cpu = new CpuClock(server::jvm);
            out.println("server up; running " + config.scenarios());
            if (config.runs("throughput")) {
                figures.addAll(measure("throughput", load, new ThroughputScenario(config, cpu)::run));
            }
            if (config.runs("roundtrip")) {
                figures.addAll(measure("roundtrip", load, new RoundTripScenario(config, cpu)::run));
            }
            if (config.runs("inversion")) {
                figures.addAll(measure("inversion", load, new InversionScenario(config)::run));
            }
            if (config.runs("workflow")) {
                figures.addAll(measure("workflow", load, new WorkflowScenario(config)::run));
            }
            if (config.runs("paging")) {
                figures.addAll(measure("paging", load, new PagingScenario(config, server)::run));
            }
        }
        print(out, config, started, serverOptions, load, figures);
    }

    /** A scenario's body. */
    private interface Scenario {
        List<Figure> run() throws Exception;
    }

    private static List<Figure> measure(String name, List<String> load, Scenario scenario) throws Exception {
        System.out.println("running " + name + " ...");
        String before = Machine.uptime() + "; speed check " + Machine.speedCheck();
        List<Figure> figures = scenario.run();
        load.add(
                name + ": before " + before + " | after " + Machine.uptime() + "; speed check " + Machine.speedCheck());
        return figures;
    }

    private static void print(
            PrintStream out,
            BenchConfig config,
            String started,
            List<String> serverOptions,
            List<String> load,
            List<Figure> figures) {
        out.println();
        out.println("## Baton benchmark, " + started);
        out.println();
        out.println("- CPUs: " + Machine.cpus() + ", memory " + Machine.memory());
        out.println("- Java: " + Machine.java() + "; OS " + Machine.os());
        out.println("- Server: WildFly at " + config.jbossHome().getFileName() + ", "
                + config.database().serverConfig() + ", " + config.database().describe() + ", port offset "
                + config.portOffset() + ", " + String.join(" ", serverOptions));
        out.println("- Load (uptime; other processes share this machine) and speed check (one thread hashing"
                + " 256 MiB with SHA-256, and a random walk through 64 MiB of memory; a shared machine's speed"
                + " changes over the day, and every figure moves with it):");
        load.forEach(l -> out.println("  - " + l));
        out.println();
        out.println("| Scenario | Figure | Value | Notes |");
        out.println("|---|---|---:|---|");
        for (Figure f : figures) {
            out.println("| " + f.scenario() + " | " + f.name() + " | " + f.value() + " | " + f.note() + " |");
        }
        out.println();
    }
}
