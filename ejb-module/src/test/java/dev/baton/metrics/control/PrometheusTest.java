package dev.baton.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTest {

    @Test
    void aGaugeHasHelpTypeAndSamples() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("activity", "a");
        labels.put("stage", "parallel");
        String text = new Prometheus()
                .gauge("baton_activity_plugins_active", "InProgress plugin runs.")
                .sample("baton_activity_plugins_active", labels, 2)
                .sample("baton_activity_plugins_active", Map.of(), 3)
                .toString();

        assertThat(text)
                .isEqualTo("# HELP baton_activity_plugins_active InProgress plugin runs.\n"
                        + "# TYPE baton_activity_plugins_active gauge\n"
                        + "baton_activity_plugins_active{activity=\"a\",stage=\"parallel\"} 2\n"
                        + "baton_activity_plugins_active 3\n");
    }

    @Test
    void labelValuesEscapeBackslashQuoteAndNewline() {
        String text = new Prometheus()
                .sample("baton_workflow_runs_active", Map.of("workflow", "a\\b\"c\nd"), 1)
                .toString();

        assertThat(text).isEqualTo("baton_workflow_runs_active{workflow=\"a\\\\b\\\"c\\nd\"} 1\n");
    }

    @Test
    void helpEscapesBackslashAndNewlineButNotQuotes() {
        String text = new Prometheus().gauge("g", "x\\y\n\"z\"").toString();

        assertThat(text).startsWith("# HELP g x\\\\y\\n\"z\"\n");
    }

    @Test
    void plainLabelValuesAreUnchanged() {
        assertThat(Prometheus.escapeLabel("wf-1 ok")).isEqualTo("wf-1 ok");
    }
}
