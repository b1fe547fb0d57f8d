package dev.baton.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class StorageTest {

    public record Limits(int max, List<String> tags) {}

    private FakeBaton baton;
    private Storage storage;

    @BeforeEach
    void start() throws Exception {
        baton = new FakeBaton("baton", "baton");
        storage = Client.builder()
                .url(baton.url())
                .credentials("baton", "baton")
                .build()
                .storage();
    }

    @AfterEach
    void stop() {
        baton.close();
    }

    @Test
    void putThenGetAnswersValueAndVersion() {
        StorageEntry first = storage.put("jobs.resize.limits", new Limits(4, List.of("png")));
        assertThat(first.path()).isEqualTo("jobs.resize.limits");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.value(Limits.class)).isEqualTo(new Limits(4, List.of("png")));

        StorageEntry second = storage.put("jobs.resize.limits", new Limits(8, List.of()));
        assertThat(second.version()).isEqualTo(2);
        assertThat(storage.get("jobs.resize.limits", Limits.class)).contains(new Limits(8, List.of()));
        assertThat(storage.entry("jobs.resize.limits").orElseThrow().version()).isEqualTo(2);
        assertThat(baton.requests("PUT", "/api/storage/").get(0).body().toString())
                .isEqualTo("{\"max\":4,\"tags\":[\"png\"]}");
    }

    @Test
    void aValueShapedLikeAnEnvelopeIsReadAsItIs() {
        var tricky = Json.createObjectBuilder()
                .add("path", "elsewhere")
                .add("value", 1)
                .build();
        long version = storage.put("tricky", tricky).version();
        StorageEntry read = storage.entry("tricky").orElseThrow();
        assertThat(read.value()).isEqualTo(tricky);
        assertThat(read.path()).isEqualTo("tricky");
        assertThat(read.version()).isEqualTo(version);
    }

    @Test
    void missingPathsAreEmpty() {
        assertThat(storage.entry("nothing.here")).isEmpty();
        assertThat(storage.get("nothing.here", String.class)).isEmpty();
        assertThat(storage.delete("nothing.here")).isFalse();
    }

    @Test
    void compareAndSetSucceedsOnlyOnTheCurrentVersion() {
        long version = storage.put("counter", 1).version();

        assertThat(storage.compareAndSet("counter", version, 2)).isTrue();
        assertThat(storage.compareAndSet("counter", version, 3)).isFalse();
        assertThat(storage.get("counter", Integer.class)).contains(2);
        assertThat(baton.requests("PUT", "/api/storage/counter").get(1).headers())
                .containsEntry("if-match", "\"" + version + "\"");

        // a counter incremented by CAS from two "workers" loses no update
        for (int i = 0; i < 5; i++) {
            StorageEntry current = storage.entry("counter").orElseThrow();
            storage.put("counter", current.value(Integer.class) + 100); // someone else writes in between
            assertThat(storage.compareAndSet("counter", current.version(), current.value(Integer.class) + 1))
                    .isFalse();
        }
        assertThat(storage.get("counter", Integer.class)).contains(502);
    }

    @Test
    void createOnlyCreates() {
        assertThat(storage.create("lock.nightly", Map.of("owner", "w1"))).isTrue();
        assertThat(storage.create("lock.nightly", Map.of("owner", "w2"))).isFalse();
        assertThat(storage.get("lock.nightly.owner")).isEmpty();
        assertThat(storage.get("lock.nightly"))
                .contains(Json.createObjectBuilder().add("owner", "w1").build());
        assertThat(baton.requests("PUT", "/api/storage/lock.nightly").get(0).headers())
                .containsEntry("if-none-match", "*");
    }

    @Test
    void deleteWithAndWithoutVersion() {
        long version = storage.put("a.b", "x").version();
        assertThat(storage.delete("a.b", version + 1)).isFalse();
        assertThat(storage.delete("a.b", version)).isTrue();
        storage.put("a.b", "y");
        assertThat(storage.delete("a.b")).isTrue();
        assertThat(storage.entry("a.b")).isEmpty();
    }

    @Test
    void aPrefixAnswersTheAssembledSubTree() {
        storage.put("cfg.x", 1);
        storage.put("cfg.y", "two");
        StorageEntry tree = storage.entry("cfg").orElseThrow();
        assertThat(tree.value().toString()).isEqualTo("{\"x\":1,\"y\":\"two\"}");
        assertThat(tree.version()).isZero();
    }

    @Test
    void pathsAreEncodedSegmentBySegment() {
        assertThat(Storage.url("a.b c.d/e")).isEqualTo("/api/storage/a.b%20c.d%2Fe");
        assertThatThrownBy(() -> Storage.url(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Storage.etagVersion("W/\"12\"")).isEqualTo(12);
        assertThat(Storage.etagVersion("\"x\"")).isZero();
        assertThat(Storage.etagVersion(null)).isZero();
    }

    @Test
    void problemsOtherThanNotFoundAndPreconditionAreThrown() {
        Storage unauthorized = Client.builder()
                .url(baton.url())
                .credentials("baton", "nope")
                .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10))
                .build()
                .storage();
        assertThatThrownBy(() -> unauthorized.put("x", 1))
                .isInstanceOfSatisfying(
                        BatonProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
