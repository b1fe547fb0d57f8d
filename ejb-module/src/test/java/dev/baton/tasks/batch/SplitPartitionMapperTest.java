package dev.baton.tasks.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SplitPartitionMapperTest {

    @ParameterizedTest(name = "{0} children")
    @ValueSource(ints = {0, 1, 49, 50, 51, 99, 100, 101, 399, 400, 401, 10_000, 1_000_003})
    void rangesCoverEveryChildExactlyOnce(int total) {
        assertCoversExactly(total, SplitPartitionMapper.ranges(total));
    }

    @Test
    void rangesCoverEveryChildExactlyOnceForAllSmallTotals() {
        for (int total = 0; total <= 2_000; total++) {
            assertCoversExactly(total, SplitPartitionMapper.ranges(total));
        }
    }

    @ParameterizedTest(name = "{0} children -> {1} partitions")
    @CsvSource({"0, 1", "1, 1", "49, 1", "50, 1", "51, 2", "100, 2", "101, 3", "400, 8", "401, 8", "10000, 8"})
    void usesAsFewPartitionsAsTheMinimumRangeAllows(int total, int partitions) {
        assertThat(SplitPartitionMapper.ranges(total)).hasNumberOfRows(partitions);
    }

    @Test
    void tenThousandChildrenAreCutIntoEightEqualRanges() {
        int[][] ranges = SplitPartitionMapper.ranges(10_000);

        assertThat(ranges).hasNumberOfRows(8);
        for (int i = 0; i < 8; i++) {
            assertThat(ranges[i]).containsExactly(i * 1250, (i + 1) * 1250);
        }
    }

    @Test
    void noChildrenIsOneEmptyRange() {
        assertThat(SplitPartitionMapper.ranges(0)).hasNumberOfRows(1);
        assertThat(SplitPartitionMapper.ranges(0)[0]).containsExactly(0, 0);
    }

    private static void assertCoversExactly(int total, int[][] ranges) {
        assertThat(ranges.length).as("partitions for %d", total).isBetween(1, SplitPartitionMapper.MAX_PARTITIONS);
        int next = 0;
        for (int[] range : ranges) {
            assertThat(range).hasSize(2);
            assertThat(range[0])
                    .as("range starts where the previous ended (total %d)", total)
                    .isEqualTo(next);
            assertThat(range[1]).isGreaterThanOrEqualTo(range[0]);
            if (total > 0) {
                assertThat(range[1]).as("no empty range (total %d)", total).isGreaterThan(range[0]);
            }
            next = range[1];
        }
        assertThat(next).as("ranges end at the total").isEqualTo(total);
    }
}
