package dev.baton.bench;

import dev.baton.bench.BatonApi.TaskTimes;
import java.time.Duration;
import java.util.List;

/**
 * Scenario 3: saturate the dispatch consumers with low-priority sleep tasks, then submit high-priority
 * ones, and count the low-priority tasks that started while high-priority work was waiting (beyond the
 * consumers' in-flight window). Uses the tasks' submitTime/startTime from {@code GET /api/tasks}.
 *
 * <p>The count only means something if the consumers stay busy and the high-priority tasks arrive faster
 * than they can start; otherwise a consumer rightly takes a low-priority task while no high-priority one
 * is queued. So unless {@code bench.inversion.sleepMillis} is given, the scenario first measures how fast
 * tasks can be submitted right now and makes each task sleep long enough that the consumers drain at a
 * quarter of that rate.
 */
final class InversionScenario {

    private static final String NAME = "3 priority";
    private static final int CALIBRATION_TASKS = 300;

    private final BenchConfig config;

    InversionScenario(BenchConfig config) {
        this.config = config;
    }

    List<Figure> run() throws Exception {
        int low = config.lowTasks();
        int high = config.highTasks();
        ConcurrentSubmitter submitter = new ConcurrentSubmitter(config, config.clients());
        try (BatonApi api = new BatonApi(config)) {
            int consumers = api.queues().getInt("consumers");
            StatusWatch watch = new StatusWatch(api);
            int sleepMillis = config.sleepMillis();
            String calibration = "given";
            if (sleepMillis == 0) {
                double rate = CALIBRATION_TASKS
                        / submitter
                                .submit(CALIBRATION_TASKS, i -> BatonApi.NOOP, 300)
                                .seconds();
                watch.awaitIdle("priority calibration", Duration.ofMinutes(5));
                sleepMillis = (int) Math.min(2_000, Math.max(20, Math.ceil(4_000.0 * consumers / rate)));
                calibration = String.format("chosen for %,.0f submissions/s", rate);
            }
            String lowBody = body("bench-low", 0, sleepMillis);
            String highBody = body("bench-high", 100, sleepMillis);
            submitter.submit(low, i -> lowBody, 300);
            long queuedBeforeHigh = api.queues().getJsonNumber("queued").longValue();
            Submitter.Run highRun = submitter.submit(high, i -> highBody, 300);
            long drainMillis = (long) (low + high) * sleepMillis / Math.max(1, consumers);
            watch.awaitIdle("priority", Duration.ofMillis(120_000 + 3 * drainMillis));

            List<TaskTimes> sleepers = api.tasks("handler=sleep");
            List<TaskTimes> lows =
                    sleepers.stream().filter(t -> "bench-low".equals(t.name())).toList();
            List<TaskTimes> highs =
                    sleepers.stream().filter(t -> "bench-high".equals(t.name())).toList();
            if (lows.size() != low || highs.size() != high) {
                throw new IllegalStateException("expected " + low + " low and " + high + " high tasks, found "
                        + lows.size() + " and " + highs.size());
            }
            InversionCount count = InversionCount.of(lows, highs, consumers);
            Percentiles highWait = new Percentiles(
                    highs.stream().mapToLong(t -> t.start() - t.submit()).toArray());
            String saturation = queuedBeforeHigh >= consumers
                    ? "consumers saturated"
                    : "NOT saturated: raise -Dbench.inversion.low or sleepMillis";
            return List.of(
                    new Figure(
                            NAME,
                            "tasks",
                            String.format("%,d low (0) then %,d high (100)", low, high),
                            String.format(
                                    "sleep %d ms each (%s), %d consumers; %,d still queued when the high ones came"
                                            + " (%s)",
                                    sleepMillis, calibration, consumers, queuedBeforeHigh, saturation)),
                    new Figure(
                            NAME,
                            "low started in window",
                            String.format("%,d", count.lowStartedInWindow()),
                            String.format(
                                    "first high submitted -> last high started: %,d ms (high submission took %,d ms)",
                                    count.windowMillis(), Math.round(highRun.seconds() * 1000))),
                    new Figure(
                            NAME,
                            "priority inversions",
                            String.format("%,d", count.inversions()),
                            "low starts in the window beyond the in-flight window of " + consumers),
                    new Figure(
                            NAME,
                            "high wait p50 / max",
                            String.format("%,d / %,d ms", highWait.percentile(50), highWait.max()),
                            "submitTime -> startTime of the high-priority tasks"));
        }
    }

    private static String body(String name, int priority, int sleepMillis) {
        return "{\"handler\":\"sleep\",\"name\":\"" + name + "\",\"priority\":" + priority + ",\"params\":{\"ms\":"
                + sleepMillis + "}}";
    }
}
