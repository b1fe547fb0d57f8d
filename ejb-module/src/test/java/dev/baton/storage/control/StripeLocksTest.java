package dev.baton.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.storage.entity.StorageLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StripeLocksTest {

    private final StripeLocks stripes = new StripeLocks();

    @Test
    void writersOfOneRootRunOneAtATime() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        StoragePath path = StoragePath.parse("counters.a");

        CompletableFuture<?>[] writers = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < 50; n++) {
                        stripes.holding(path, () -> {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.yield();
                            return inside.decrementAndGet();
                        });
                    }
                }))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(writers).join();

        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void otherPathsOfTheSameRootShareTheStripeAndOtherStripesDoNotWait() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> holder =
                CompletableFuture.supplyAsync(() -> stripes.holding(StoragePath.parse("a.x"), () -> {
                    holding.countDown();
                    awaitQuietly(release);
                    return null;
                }));
        holding.await(5, TimeUnit.SECONDS);
        String otherRoot = IntStream.range(0, 1000)
                .mapToObj(i -> "r" + i)
                .filter(r -> StorageLock.stripeOf(r) != StorageLock.stripeOf("a"))
                .findFirst()
                .orElseThrow();

        assertThat(CompletableFuture.supplyAsync(() -> stripes.holding(StoragePath.parse(otherRoot), () -> "done"))
                        .get(5, TimeUnit.SECONDS))
                .isEqualTo("done");
        CompletableFuture<String> sameRoot =
                CompletableFuture.supplyAsync(() -> stripes.holding(StoragePath.parse("a.y.z"), () -> "after"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !sameRoot.isDone());
        release.countDown();
        assertThat(sameRoot.get(5, TimeUnit.SECONDS)).isEqualTo("after");
        holder.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theLockIsReleasedWhenTheWorkThrows() {
        StoragePath path = StoragePath.parse("b");
        try {
            stripes.holding(path, () -> {
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the write failed
        }

        assertThat(CompletableFuture.supplyAsync(() -> stripes.holding(path, () -> "next"))
                        .join())
                .isEqualTo("next");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
