package dev.baton.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageValueTest {

    @Test
    void theStoredFormIsCompactJsonMeasuredInUtf8Bytes() {
        StorageValue value =
                StorageValue.of(Json.createObjectBuilder().add("k", "ä").build(), 100);

        assertThat(value.json()).isEqualTo("{\"k\":\"ä\"}");
        assertThat(value.bytes()).isEqualTo(10); // ä is two bytes
        assertThat(StorageValue.of(JsonValue.NULL, 4).json()).isEqualTo("null");
    }

    @Test
    void aValueOverTheLimitIsA413NamingValue() {
        assertThat(StorageValue.of(Json.createValue("12345678"), 10).bytes()).isEqualTo(10);

        assertThatThrownBy(() -> StorageValue.of(Json.createValue("123456789"), 10))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.type()).isEqualTo("value-too-large");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("value");
                    assertThat(e.extensions()).isEqualTo(Map.of("limitBytes", 10L));
                });
    }
}
