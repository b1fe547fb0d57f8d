package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class WorkflowScenarioTest {

    @Test
    void theBenchmarkWorkflowIsAChainOfTenNoopActions() {
        JsonObject definition = Json.createReader(new StringReader(WorkflowScenario.definition()))
                .readObject();

        JsonArray actions = definition.getJsonArray("actions");
        assertThat(actions).hasSize(10);
        assertThat(definition.getInt("rootAction")).isEqualTo(1);
        for (int i = 0; i < 9; i++) {
            assertThat(actions.getJsonObject(i).getString("name")).isEqualTo("noop");
            assertThat(actions.getJsonObject(i)
                            .getJsonObject("next")
                            .getJsonArray("default")
                            .getInt(0))
                    .isEqualTo(i + 2);
        }
        assertThat(actions.getJsonObject(9).containsKey("next")).isFalse();
    }

    @Test
    void stepTimesAreTheTimeFromOneActionsStartToTheNextOnesStart() {
        JsonArray actions = Json.createArrayBuilder()
                .add(action("2026-11-23T10:00:00.000Z", "2026-11-23T10:00:00.010Z"))
                .add(action("2026-11-23T10:00:00.014Z", "2026-11-23T10:00:00.020Z"))
                .add(action("2026-11-23T10:00:00.031Z", "2026-11-23T10:00:00.040Z"))
                .build();

        assertThat(WorkflowScenario.stepTimes(actions)).containsExactly(14L, 17L);
    }

    private static JsonObject action(String start, String end) {
        return Json.createObjectBuilder()
                .add("startTime", start)
                .add("endTime", end)
                .build();
    }
}
