package dev.baton.it;

import static dev.baton.it.Workflows.action;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code {$...}} templates over REST, read back from the run's {@code actions[].input} and from the echo
 * task itself ({@code /api/tasks/{taskId}}): whole-value templates keep their JSON type, longer strings
 * interpolate, missing paths are null or empty text, Orchy's {@code {$1.output.x}} works; switch branches
 * by value, falls back to {@code default}, and without one ends the branch (actions SKIPPED, run COMPLETED).
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowTemplatesIT {

    private static final String TYPES_INPUT = "{\"user\":{\"name\":\"Ada\",\"age\":36},\"count\":3,\"ratio\":0.25,"
            + "\"active\":true,\"tags\":[\"a\",\"b\"],\"nothing\":null}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Workflows workflows = Workflows.of(api);

    @Test
    void wholeValueTemplatesKeepTheirJsonType() {
        JsonObject run = typesRun();
        JsonObject first = action(run, "1");
        JsonObject input = first.getJsonObject("input");

        assertThat(input.getJsonObject("object")).isEqualTo(Api.parse("{\"name\":\"Ada\",\"age\":36}"));
        assertThat(input.get("number").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(input.getInt("number")).isEqualTo(3);
        assertThat(input.getJsonNumber("decimal").bigDecimalValue()).isEqualByComparingTo(new BigDecimal("0.25"));
        assertThat(input.get("boolean")).isEqualTo(JsonValue.TRUE);
        assertThat(strings(input, "array")).containsExactly("a", "b");
        assertThat(input.getString("string")).isEqualTo("Ada");
        assertThat(input.getInt("literal")).isEqualTo(42);
        JsonValue nested = input.getJsonObject("nested").getJsonArray("list").get(0);
        assertThat(nested.getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(input.getJsonObject("nested")
                        .getJsonArray("list")
                        .getJsonObject(2)
                        .get("flag"))
                .isEqualTo(JsonValue.TRUE);

        // the task got exactly these params, and echo returned them as the action's output
        JsonObject task = task(first.getString("taskId"));
        assertThat(task.getString("handler")).isEqualTo("echo");
        assertThat(task.getJsonObject("params")).isEqualTo(input);
        assertThat(first.getJsonObject("output")).isEqualTo(input);
    }

    @Test
    void templatesInsideLongerStringsAreInterpolated() {
        JsonObject input = action(typesRun(), "1").getJsonObject("input");

        assertThat(input.getString("text"))
                .isEqualTo("Dear Ada: 3 items, active=true, tags=[\"a\",\"b\"], user={\"name\":\"Ada\",\"age\":36}");
        assertThat(input.getJsonObject("nested").getJsonArray("list").getString(1))
                .isEqualTo("n=3");
        assertThat(input.getString("notATemplate")).isEqualTo("{x} and $.input.count and { $.input.count }");
    }

    @Test
    void missingPathsAreNullAsWholeValuesAndEmptyInsideText() {
        JsonObject input = action(typesRun(), "1").getJsonObject("input");

        assertThat(input).containsKey("missing");
        assertThat(input.get("missing")).isEqualTo(JsonValue.NULL);
        assertThat(input.get("presentNull")).isEqualTo(JsonValue.NULL);
        assertThat(input.getString("missingInText")).isEqualTo("[]");
        assertThat(input.getString("presentNullInText")).isEqualTo("[null]");
    }

    @Test
    void orchysDollarDigitAliasAndOtherPathFormsReadEarlierOutputs() {
        JsonObject run = typesRun();
        JsonObject second = action(run, "2");
        JsonObject input = second.getJsonObject("input");

        assertThat(input.getString("orchyAlias")).isEqualTo("Ada");
        assertThat(strings(input, "orchyAliasWhole")).containsExactly("a", "b");
        assertThat(input.getInt("dotted")).isEqualTo(3);
        assertThat(input.getJsonNumber("bracketed").bigDecimalValue()).isEqualByComparingTo(new BigDecimal("0.25"));
        assertThat(input.getString("firstTag")).isEqualTo("a");
        assertThat(input.getString("inText")).isEqualTo("was Ada");
        assertThat(task(second.getString("taskId")).getJsonObject("params")).isEqualTo(input);
    }

    @Test
    void switchOnANumberTakesTheBranchWithItsJsonText() {
        workflows.save("tpl-switch");
        String id = workflows.start("tpl-switch", "{\"code\":200}").getString("id");

        JsonObject run = workflows.awaitStatus(id, "COMPLETED");

        JsonObject decision = action(run, "2");
        assertThat(decision.getString("branch")).isEqualTo("200");
        assertThat(decision.getJsonObject("output").getInt("value")).isEqualTo(200);
        assertThat(decision.getJsonObject("output").getString("branch")).isEqualTo("200");
        assertThat(action(run, "3").getString("status")).isEqualTo("COMPLETED");
        assertThat(action(run, "3").getJsonObject("output").getString("branch")).isEqualTo("ok");
        assertThat(action(run, "4").getString("status")).isEqualTo("SKIPPED");
        assertThat(action(run, "5").getString("status")).isEqualTo("SKIPPED");
        assertThat(path(run)).containsExactly("1", "2", "3");
    }

    @Test
    void switchOnAStringMatchesTheSameKey() {
        workflows.save("tpl-switch");
        String id = workflows.start("tpl-switch", "{\"code\":\"404\"}").getString("id");

        JsonObject run = workflows.awaitStatus(id, "COMPLETED");

        assertThat(action(run, "2").getString("branch")).isEqualTo("404");
        assertThat(action(run, "4").getJsonObject("output").getString("branch")).isEqualTo("not found");
        assertThat(path(run)).containsExactly("1", "2", "4");
    }

    @Test
    void switchTakesDefaultWhenNothingMatches() {
        workflows.save("tpl-switch");
        String id = workflows.start("tpl-switch", "{\"code\":500}").getString("id");

        JsonObject run = workflows.awaitStatus(id, "COMPLETED");

        assertThat(action(run, "2").getString("branch")).isEqualTo("default");
        assertThat(action(run, "3").getString("status")).isEqualTo("SKIPPED");
        assertThat(action(run, "4").getString("status")).isEqualTo("SKIPPED");
        assertThat(action(run, "5").getJsonObject("output").getString("branch")).isEqualTo("other 500");
        assertThat(path(run)).containsExactly("1", "2", "5");
    }

    @Test
    void switchWithoutDefaultEndsTheBranchWhenNothingMatches() {
        workflows.save("tpl-switch-no-default");
        String id = workflows
                .start("tpl-switch-no-default", "{\"gender\":\"OTHER\"}")
                .getString("id");

        JsonObject run = workflows.awaitStatus(id, "COMPLETED");

        JsonObject decision = action(run, "2");
        assertThat(decision.getString("status")).isEqualTo("COMPLETED");
        assertThat(decision.get("branch")).isEqualTo(JsonValue.NULL);
        assertThat(decision.getJsonObject("output").getString("value")).isEqualTo("OTHER");
        assertThat(decision.getJsonObject("output").get("branch")).isEqualTo(JsonValue.NULL);
        for (String skipped : List.of("3", "4", "5")) {
            assertThat(action(run, skipped).getString("status")).as(skipped).isEqualTo("SKIPPED");
            assertThat(action(run, skipped).get("taskId")).as(skipped).isEqualTo(JsonValue.NULL);
        }
        assertThat(path(run)).containsExactly("1", "2");
        assertThat(run.get("error")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void switchWithoutDefaultStillFollowsAMatchingKey() {
        workflows.save("tpl-switch-no-default");
        String id = workflows
                .start("tpl-switch-no-default", "{\"gender\":\"MALE\"}")
                .getString("id");

        JsonObject run = workflows.awaitStatus(id, "COMPLETED");

        assertThat(path(run)).containsExactly("1", "2", "3", "5");
        assertThat(action(run, "4").getString("status")).isEqualTo("SKIPPED");
        assertThat(action(run, "5").getJsonObject("output").getString("to")).isEqualTo("whatsapp");
    }

    private JsonObject typesRun() {
        workflows.save("tpl-types");
        String id = workflows.start("tpl-types", TYPES_INPUT).getString("id");
        return workflows.awaitStatus(id, "COMPLETED");
    }

    private JsonObject task(String taskId) {
        assertThat(taskId).isNotBlank();
        Api.Reply reply = api.get("/api/tasks/" + taskId);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static List<String> path(JsonObject run) {
        return strings(run, "path");
    }
}
