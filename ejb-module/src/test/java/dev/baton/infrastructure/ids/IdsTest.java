package dev.baton.infrastructure.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void newIdIsAVersion7UuidCarryingTheCurrentTime() {
        long before = System.currentTimeMillis();
        String id = Ids.newId();
        long after = System.currentTimeMillis();

        assertThat(id).hasSize(36).matches(UUID_V7);
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        long millis = uuid.getMostSignificantBits() >>> 16;
        // a burst of earlier ids may have borrowed a few milliseconds ahead of the clock
        assertThat(millis).isBetween(before, after + 1000);
    }

    @Test
    void manyIdsAreUniqueAndSortInCreationOrder() {
        List<String> ids =
                IntStream.range(0, 200_000).mapToObj(i -> Ids.newId()).toList();

        assertThat(ids).allMatch(id -> id.matches(UUID_V7));
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).isSorted();
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i - 1).compareTo(ids.get(i)))
                    .as("id %d sorts after id %d", i, i - 1)
                    .isNegative();
        }
    }

    @Test
    void idsFromConcurrentThreadsAreUniqueAndEachThreadSeesThemAscending() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<String> all = new ConcurrentLinkedQueue<>();
        try {
            List<Future<List<String>>> batches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                batches.add(pool.submit(() -> {
                    List<String> mine = IntStream.range(0, 20_000)
                            .mapToObj(i -> Ids.newId())
                            .toList();
                    all.addAll(mine);
                    return mine;
                }));
            }
            for (Future<List<String>> batch : batches) {
                assertThat(batch.get()).isSorted();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new HashSet<>(all)).hasSize(80_000);
    }

    @Test
    void childIdIsStableAndDistinctPerParentGenerationAndIndex() {
        String parent = Ids.newId();

        assertThat(Ids.childId(parent, 1, 3)).isEqualTo(Ids.childId(parent, 1, 3));
        assertThat(Ids.childId(parent, 1, 3)).isEqualTo(Ids.childId(new String(parent), 1, 3));
        Set<String> children = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            children.add(Ids.childId(parent, 1, i));
        }
        children.add(Ids.childId(parent, 2, 0));
        children.add(Ids.childId(Ids.newId(), 1, 0));
        assertThat(children).hasSize(1002);
        assertThat(Ids.childId(parent, 1, 0)).hasSize(36).isNotEqualTo(parent);
    }

    @Test
    void childIdsCarryTheParentsTimestampSoTheyListNextToIt() {
        String parent = Ids.newId();
        UUID child = UUID.fromString(Ids.childId(parent, 1, 42));

        assertThat(child.version()).isEqualTo(7);
        assertThat(child.getMostSignificantBits() >>> 16)
                .isEqualTo(UUID.fromString(parent).getMostSignificantBits() >>> 16);
        // the leading 48 bits (timestamp) are the parent's: children sort beside their parent
        assertThat(Ids.childId(parent, 1, 42).substring(0, 13)).isEqualTo(parent.substring(0, 13));
    }
}
