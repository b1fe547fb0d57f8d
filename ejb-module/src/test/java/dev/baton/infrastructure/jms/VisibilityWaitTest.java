package dev.baton.infrastructure.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class VisibilityWaitTest {

    @Test
    void itExpiresOnlyAfterItsMaximum() {
        assertThat(new VisibilityWait(60_000, 1).expired()).isFalse();

        VisibilityWait elapsed = new VisibilityWait(0, 1);

        Awaitility.await().atMost(Duration.ofSeconds(1)).until(elapsed::expired);
    }

    @Test
    void pausesGrowFromTheFirstOne() {
        VisibilityWait wait = new VisibilityWait(60_000, 20);
        long start = System.nanoTime();

        assertThat(wait.pause()).isTrue(); // 20 ms
        assertThat(wait.pause()).isTrue(); // 40 ms

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(60);
    }

    @Test
    void anInterruptedPauseEndsTheWaitAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThat(new VisibilityWait(60_000, 50).pause()).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
