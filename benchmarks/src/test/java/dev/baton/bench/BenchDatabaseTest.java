package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchDatabaseTest {

    @Test
    void h2UsesTheDefaultConfigurationAndNeedsNoProperties() {
        BenchDatabase h2 = new BenchDatabase("h2", "jdbc:postgresql://127.0.0.1:5432", "baton_bench", "postgres", "");
        assertThat(h2.isH2()).isTrue();
        assertThat(h2.serverConfig()).isEqualTo("standalone-full.xml");
        assertThat(h2.serverProperties()).isEmpty();
        assertThat(h2.describe()).contains("H2");
    }

    @Test
    void postgresqlStartsThePostgresqlVariantOnTheBenchmarkDatabase() {
        BenchDatabase pg = new BenchDatabase("postgresql", "jdbc:postgresql://db:5432", "bench_1", "postgres", "");
        assertThat(pg.isH2()).isFalse();
        assertThat(pg.serverConfig()).isEqualTo("standalone-full-postgresql.xml");
        assertThat(pg.serverProperties()).containsExactly("-Dbaton.pg.database=bench_1");
        assertThat(pg.describe()).contains("bench_1", "jdbc:postgresql://db:5432");
    }

    @Test
    void refusesAnUnknownKindAndADatabaseNameThatIsNotAPlainName() {
        assertThatThrownBy(() -> new BenchDatabase("mysql", "jdbc:x", "baton_bench", "u", ""))
                .hasMessageContaining("bench.db");
        assertThatThrownBy(() -> new BenchDatabase("postgresql", "jdbc:x", "baton; DROP DATABASE x", "u", ""))
                .hasMessageContaining("bench.pg.database");
    }
}
