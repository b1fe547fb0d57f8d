package dev.baton.tasks.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskWaiterTest {

    @Test
    void aDeadlineIsNowPlusTheWait() {
        assertThat(TaskWaiter.deadline(1_000, Duration.ofSeconds(30))).isEqualTo(31_000);
        assertThat(TaskWaiter.deadline(1_000, Duration.ZERO)).isEqualTo(1_000);
    }

    @Test
    void aDeadlineBeyondTheClockSaturatesInsteadOfWrappingAround() {
        long now = System.currentTimeMillis();
        assertThat(TaskWaiter.deadline(now, Duration.ofDays(365)))
                .isEqualTo(now + Duration.ofDays(365).toMillis());
        assertThat(TaskWaiter.deadline(now, Duration.ofMillis(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(TaskWaiter.deadline(now, Duration.ofMillis(Long.MAX_VALUE - now)))
                .isEqualTo(Long.MAX_VALUE);
    }
}
