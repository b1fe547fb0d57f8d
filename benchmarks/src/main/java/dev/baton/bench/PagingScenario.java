package dev.baton.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 4: listing tasks with keyset paging over a large table. The server is stopped, its H2
 * database is filled with {@code bench.paging.rows} finished tasks ({@link TaskTableSeeder}), the server
 * starts again, and for each filter the scenario reads the first page and then follows {@code
 * nextCursor} for further pages, timing every {@code GET /api/tasks} (limit 50). Pages deep in the
 * table cost what the first page costs when the cursor seeks an index instead of skipping rows.
 */
final class PagingScenario {

    private static final String NAME = "4 paging";
    private static final int PAGES = 40;
    private static final int ROUNDS = 5;

    private final BenchConfig config;
    private final BatonServer server;

    PagingScenario(BenchConfig config, BatonServer server) {
        this.config = config;
        this.server = server;
    }

    List<Figure> run() throws Exception {
        if (!config.database().isH2()) {
            // the seeder writes H2's file directly, with the server stopped
            return List.of(new Figure(NAME, "rows", "not run", "the paging scenario seeds H2 only (bench.db=h2)"));
        }
        server.stop();
        long seedStart = System.nanoTime();
        new TaskTableSeeder(config.jbossHome(), server.database()).seed(config.pagingRows());
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        server.start();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(
                NAME,
                "rows",
                String.format("%,d", config.pagingRows()),
                String.format("inserted by SQL into the stopped server's H2 database in %.0f s", seedSeconds)));
        try (BatonApi api = new BatonApi(config)) {
            api.connect();
            String parent = TaskTableSeeder.PARENT_PREFIX + "000000000007";
            for (String filter : List.of(
                    "",
                    "status=SUCCEEDED",
                    "status=ERROR&handler=h5",
                    "handler=h3",
                    "user=u4",
                    "priorityMin=95",
                    "parent=" + parent)) {
                figures.add(measure(api, filter));
            }
            figures.add(measureQueues(api));
        }
        return figures;
    }

    private Figure measure(BatonApi api, String filter) throws Exception {
        List<Long> firstPages = new ArrayList<>();
        List<Long> laterPages = new ArrayList<>();
        int rows = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String cursor = null;
            for (int page = 0; page < PAGES; page++) {
                String target = "/api/tasks?limit=50" + (filter.isEmpty() ? "" : "&" + filter)
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                long start = System.nanoTime();
                JsonObject body = api.get(target).expect(200, "GET " + target).json();
                long micros = (System.nanoTime() - start) / 1_000;
                (page == 0 ? firstPages : laterPages).add(micros);
                rows += body.getJsonArray("items").size();
                JsonValue next = body.get("nextCursor");
                if (next == null || next.getValueType() == JsonValue.ValueType.NULL) {
                    break;
                }
                cursor = body.getString("nextCursor");
            }
        }
        Percentiles first = new Percentiles(toArray(firstPages));
        String later = laterPages.isEmpty()
                ? "no further page"
                : "pages 2.." + PAGES + ": p50 "
                        + RoundTripScenario.millis(new Percentiles(toArray(laterPages)).percentile(50)) + ", p99 "
                        + RoundTripScenario.millis(new Percentiles(toArray(laterPages)).percentile(99));
        return new Figure(
                NAME,
                "GET /api/tasks?" + (filter.isEmpty() ? "(no filter)" : filter.replace("|", "\\|")),
                RoundTripScenario.millis(first.percentile(50)),
                "first page p50 (limit 50); " + later + "; " + rows / ROUNDS + " rows read per round");
    }

    private Figure measureQueues(BatonApi api) throws Exception {
        long[] micros = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            api.queues();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        return new Figure(
                NAME,
                "GET /api/queues",
                RoundTripScenario.millis(new Percentiles(micros).percentile(50)),
                "p50; counts tasks per status over the whole table");
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
