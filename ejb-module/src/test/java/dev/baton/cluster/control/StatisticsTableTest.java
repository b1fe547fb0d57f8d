package dev.baton.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTableTest {

    @Test
    void rendersAnAlignedTableWithTotals() {
        String table = StatisticsTable.render(List.of(
                new StatisticsTable.Row("node", "n1", "IDLE", 16, 0, new Statistics(120, 3, 12, 40, 0.125), 800),
                new StatisticsTable.Row(
                        "worker", "resizer (w-1)", "PROCESSING", 4, 2, new Statistics(7, 0, 1500, 2100, 0.5), 1200)));

        List<String> lines = table.lines().toList();
        assertThat(lines)
                .allSatisfy(line -> assertThat(line).hasSize(lines.get(0).length()));
        assertThat(lines.get(1)).contains("KIND").contains("P95 MS").contains("BUSY %");
        assertThat(table)
                .contains("| node   | n1 ")
                .contains("resizer (w-1)")
                .contains("12.5")
                .contains("50.0");
        assertThat(table).contains("0.8s ago").contains("1.2s ago");
        assertThat(lines.get(lines.size() - 2))
                .contains("TOTAL")
                .contains("2 member(s)")
                .contains("127")
                .contains("3");
    }

    @Test
    void anEmptyClusterStillRendersHeadersAndTotals() {
        String table = StatisticsTable.render(List.of());
        assertThat(table).contains("KIND").contains("0 member(s)");
    }

    @Test
    void percentileRankAndBusyRatio() {
        assertThat(Statistics.p95RankFromTop(1)).isZero();
        assertThat(Statistics.p95RankFromTop(20)).isEqualTo(1);
        assertThat(Statistics.p95RankFromTop(100)).isEqualTo(5);
        assertThat(Statistics.busyRatio(500, 2, 1000)).isEqualTo(0.25);
        assertThat(Statistics.busyRatio(5000, 1, 1000)).isEqualTo(1.0);
        assertThat(Statistics.busyRatio(5, 0, 1000)).isZero();
    }
}
