package dev.baton.storage.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.infrastructure.persistence.MigrationScripts;
import dev.baton.infrastructure.persistence.MigrationScripts.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StorageLockTest {

    @Test
    void theMigrationCreatesOneLockRowPerStripe() {
        Migration storage = MigrationScripts.load(getClass().getClassLoader()).stream()
                .filter(m -> m.version() == 9)
                .findFirst()
                .orElseThrow();
        String insert = storage.statements().stream()
                .filter(s -> s.startsWith("INSERT INTO baton_storage_lock"))
                .findFirst()
                .orElseThrow();
        List<Integer> stripes = new ArrayList<>();
        Matcher row = Pattern.compile("\\((\\d+), 0\\)").matcher(insert);
        while (row.find()) {
            stripes.add(Integer.parseInt(row.group(1)));
        }

        assertThat(stripes)
                .containsExactlyElementsOf(
                        IntStream.range(0, StorageLock.STRIPES).boxed().toList());
    }

    @Test
    void theStripeOfARootIsStableAndInRange() {
        // String.hashCode is specified, so every node and JVM picks the same row for a root
        assertThat(StorageLock.stripeOf("counters")).isEqualTo(Math.floorMod("counters".hashCode(), 64));
        for (String root : List.of("a", "Z", "_", "-", "x".repeat(100), "polygenelubricants")) {
            assertThat(StorageLock.stripeOf(root)).isBetween(0, StorageLock.STRIPES - 1);
        }
    }
}
