package dev.baton.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatonConfigTest {

    private static final List<String> PROPERTIES = List.of(
            "baton.api.url",
            "baton.api.user",
            "baton.api.password",
            "jboss.bind.address",
            "jboss.http.port",
            "jboss.socket.binding.port-offset",
            "baton.storage.maxValueBytes");

    private final Map<String, String> saved = new HashMap<>();
    private final BatonConfig config = new BatonConfig();

    {
        PROPERTIES.forEach(p -> {
            saved.put(p, System.getProperty(p));
            System.clearProperty(p);
        });
    }

    @AfterEach
    void restore() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void theApiUrlDefaultsToThisServersHttpListenerOnLoopback() {
        assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:8080/api");

        System.setProperty("jboss.socket.binding.port-offset", "300");
        assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:8380/api");

        System.setProperty("jboss.http.port", "9000");
        System.setProperty("jboss.bind.address", "0.0.0.0");
        assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:9300/api");

        System.setProperty("jboss.bind.address", "10.1.2.3");
        assertThat(config.apiUrl()).isEqualTo("http://10.1.2.3:9300/api");

        System.setProperty("jboss.bind.address", "fd00::1");
        assertThat(config.apiUrl()).isEqualTo("http://[fd00::1]:9300/api");
    }

    @Test
    void aConfiguredApiUrlWins() {
        System.setProperty("jboss.socket.binding.port-offset", "300");
        System.setProperty("baton.api.url", " https://baton.example/api ");

        assertThat(config.apiUrl()).isEqualTo("https://baton.example/api");
    }

    @Test
    void scriptsGetTheDevWorkerUserByDefaultAndNoCredentialsWhenTheUserIsBlank() {
        assertThat(config.scriptApiEnvironment())
                .containsExactly(
                        Map.entry("BATON_API_URL", "http://127.0.0.1:8080/api"),
                        Map.entry("BATON_API_USER", "worker"),
                        Map.entry("BATON_API_PASSWORD", "worker"));

        System.setProperty("baton.api.user", "scripts");
        System.setProperty("baton.api.password", "s3cret");
        assertThat(config.scriptApiEnvironment())
                .containsEntry("BATON_API_USER", "scripts")
                .containsEntry("BATON_API_PASSWORD", "s3cret");

        System.setProperty("baton.api.user", "");
        assertThat(config.scriptApiEnvironment()).containsOnlyKeys("BATON_API_URL");
    }

    @Test
    void storageLimitsDefaultToOneMebibytePerValueAndSixteenPerRead() {
        assertThat(config.storageMaxValueBytes()).isEqualTo(1_048_576);
        assertThat(config.storageMaxReadBytes()).isEqualTo(16_777_216);

        System.setProperty("baton.storage.maxValueBytes", "100");
        assertThat(config.storageMaxValueBytes()).isEqualTo(100);
    }
}
