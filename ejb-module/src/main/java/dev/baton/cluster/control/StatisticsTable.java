package dev.baton.cluster.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fixed-width text table of members and their statistics (Clusterfy's {@code outputStatisticsTable}),
 * for a terminal: {@code curl -u … /api/workers/statistics}.
 */
public final class StatisticsTable {

    /** One line of the table. */
    public record Row(
            String kind,
            String name,
            String status,
            int threads,
            long running,
            Statistics stats,
            long heartbeatAgeMs) {}

    static final String[] HEADERS = {
        "KIND", "NAME", "STATUS", "THREADS", "RUNNING", "PROCESSED", "FAILED", "AVG MS", "P95 MS", "BUSY %", "HEARTBEAT"
    };

    private StatisticsTable() {}

    public static String render(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        long processed = 0;
        long failed = 0;
        for (Row row : rows) {
            processed += row.stats().processed();
            failed += row.stats().failed();
            cells.add(new String[] {
                row.kind(),
                row.name(),
                row.status(),
                Integer.toString(row.threads()),
                Long.toString(row.running()),
                Long.toString(row.stats().processed()),
                Long.toString(row.stats().failed()),
                Long.toString(row.stats().averageMs()),
                Long.toString(row.stats().p95Ms()),
                String.format(Locale.ROOT, "%.1f", row.stats().busyRatio() * 100),
                String.format(Locale.ROOT, "%.1fs ago", row.heartbeatAgeMs() / 1000.0)
            });
        }
        cells.add(new String[] {
            "TOTAL",
            rows.size() + " member(s)",
            "",
            "",
            "",
            Long.toString(processed),
            Long.toString(failed),
            "",
            "",
            "",
            ""
        });
        int[] widths = new int[HEADERS.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        String rule = rule(widths);
        out.append(rule);
        for (int r = 0; r < cells.size(); r++) {
            if (r == cells.size() - 1) {
                out.append(rule);
            }
            out.append('|');
            String[] line = cells.get(r);
            for (int i = 0; i < line.length; i++) {
                boolean numeric = i >= 3 && r > 0;
                String cell = numeric ? pad(line[i], widths[i], true) : pad(line[i], widths[i], false);
                out.append(' ').append(cell).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append(rule);
            }
        }
        return out.append(rule).toString();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder("+");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('+');
        }
        return rule.append('\n').toString();
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
