package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.bench.BatonApi.TaskTimes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InversionCountTest {

    private static TaskTimes low(long start) {
        return new TaskTimes("l" + start, "bench-low", "SUCCEEDED", 0, 0L, start, start + 50);
    }

    private static TaskTimes high(long submit, long start) {
        return new TaskTimes("h" + submit, "bench-high", "SUCCEEDED", 100, submit, start, start + 50);
    }

    @Test
    void countsLowStartsStrictlyBetweenFirstHighSubmitAndLastHighStart() {
        List<TaskTimes> highs = List.of(high(1000, 1010), high(1005, 1100), high(1002, 1050));
        List<TaskTimes> lows = List.of(low(900), low(1000), low(1001), low(1099), low(1100), low(1200));

        InversionCount count = InversionCount.of(lows, highs, 16);

        assertThat(count.windowStart()).isEqualTo(1000);
        assertThat(count.windowEnd()).isEqualTo(1100);
        assertThat(count.windowMillis()).isEqualTo(100);
        assertThat(count.lowStartedInWindow()).isEqualTo(2); // 1001 and 1099
        assertThat(count.inversions()).isZero();
    }

    @Test
    void onlyStartsBeyondTheInFlightWindowAreInversions() {
        List<TaskTimes> lows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lows.add(low(1000 + i));
        }

        InversionCount count = InversionCount.of(lows, List.of(high(1000, 1050)), 16);

        assertThat(count.lowStartedInWindow()).isEqualTo(20);
        assertThat(count.inversions()).isEqualTo(4);
    }

    @Test
    void lowTasksThatNeverStartedDoNotCount() {
        TaskTimes cancelled = new TaskTimes("x", "bench-low", "CANCELLED", 0, 0L, null, 1020L);

        InversionCount count = InversionCount.of(List.of(cancelled), List.of(high(1000, 1050)), 0);

        assertThat(count.lowStartedInWindow()).isZero();
    }
}
