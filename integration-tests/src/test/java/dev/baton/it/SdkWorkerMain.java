package dev.baton.it;

import dev.baton.sdk.Worker;
import java.time.Duration;

/**
 * A Java SDK worker in a JVM of its own, for tests that kill it: {@code SdkWorkerMain url name handler
 * threads}. Its handler prints {@code RUNNING <task id>} and then sleeps {@code params.ms} (default a
 * minute) before answering {@code "slept"}. SIGTERM shuts it down gracefully.
 */
public final class SdkWorkerMain {

    private SdkWorkerMain() {}

    public static void main(String[] args) {
        String url = args[0];
        String name = args[1];
        String handler = args[2];
        int threads = Integer.parseInt(args[3]);
        Worker worker = Worker.builder()
                .url(url)
                .credentials("worker", "worker")
                .name(name)
                .threads(threads)
                .pollWait(Duration.ofSeconds(5))
                .handler(handler, ctx -> {
                    System.out.println("RUNNING " + ctx.taskId());
                    System.out.flush();
                    Thread.sleep(ctx.paramsObject().getInt("ms", 60_000));
                    return "slept";
                })
                .start()
                .registerShutdownHook();
        System.out.println("REGISTERED " + worker.id());
        System.out.flush();
        worker.awaitTermination();
    }
}
