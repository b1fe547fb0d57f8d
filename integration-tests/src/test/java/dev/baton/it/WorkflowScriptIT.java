package dev.baton.it;

import static dev.baton.it.Workflows.action;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * javascript actions over REST: Orchy's {@code $} semantics (assigned properties become the output, read
 * by later templates), and sandbox escapes that each fail only their own action and run with a clear
 * error while the server goes on running other runs. Every escape workflow is echo → javascript → echo;
 * the script runs when the first task finishes, on the engine's asynchronous path.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowScriptIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Workflows workflows = Workflows.of(api);

    @Test
    void orchysDiscountScriptOutputsWhatItAssignsOnDollarAndLaterActionsReadIt() {
        workflows.save("script-discount");
        String adult = workflows
                .start("script-discount", "{\"user\":{\"name\":\"Ada\",\"age\":36,\"gender\":\"FEMALE\"}}")
                .getString("id");
        String young = workflows
                .start("script-discount", "{\"user\":{\"name\":\"Bo\",\"age\":19}}")
                .getString("id");

        JsonObject run = workflows.awaitStatus(adult, "COMPLETED");
        JsonObject script = action(run, "2");
        assertThat(script.getString("status")).isEqualTo("COMPLETED");
        assertThat(script.getString("type")).isEqualTo("system");
        // only what the script assigned on $: not $['1'] (mutated through the alias), never input
        assertThat(script.getJsonObject("output").keySet()).containsExactly("user");
        JsonObject user = script.getJsonObject("output").getJsonObject("user");
        assertThat(user.getString("name")).isEqualTo("Ada");
        assertThat(user.getInt("age")).isEqualTo(36);
        assertThat(user.getInt("discount")).isEqualTo(20);
        JsonObject last = action(run, "3");
        assertThat(last.getJsonObject("input").getInt("discount")).isEqualTo(20);
        assertThat(last.getJsonObject("input").getString("message")).isEqualTo("Hi Ada get discount 20 %");
        assertThat(last.getJsonObject("output")).isEqualTo(last.getJsonObject("input"));
        assertThat(run.getJsonArray("path").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString))
                .containsExactly("1", "2", "3");

        JsonObject other = workflows.awaitStatus(young, "COMPLETED");
        assertThat(action(other, "3").getJsonObject("input").getInt("discount")).isEqualTo(10);
        assertThat(action(other, "3").getJsonObject("input").getString("message"))
                .isEqualTo("Hi Bo get discount 10 %");
    }

    @Test
    void javaTypeIsNotThere() {
        assertEscapeFails("java-type", "\"Java\" is not defined");
    }

    @Test
    void polyglotIsNotThere() {
        assertEscapeFails("polyglot", "\"Polyglot\" is not defined");
    }

    @Test
    void loadIsNotThere() {
        assertEscapeFails("load", "\"load\" is not defined");
    }

    @Test
    void packagesIsNotThere() {
        assertEscapeFails("packages", "\"Packages\" is not defined");
    }

    @Test
    void theFunctionConstructorReachesNoJava() {
        // this.constructor.constructor is Function; 'return java' yields undefined in the sandbox's scope,
        // not a Java package, so System.exit(0) is never reached (the server answering afterwards proves it)
        assertEscapeFails("constructor", "Cannot read property \"lang\" from undefined");
    }

    @Test
    void anEndlessLoopIsStoppedByTheTimeLimit() {
        assertEscapeFails("endless-loop", "script exceeded its time limit of 2000 ms");
    }

    @Test
    void aHugeAllocationIsStoppedByTheMemoryLimit() {
        assertEscapeFails("huge-allocation", "script exceeded its memory limit of 64 MiB");
    }

    @Test
    void aHugeStringIsRefusedBeforeItIsBuilt() {
        assertEscapeFails("huge-string", "repeat would build a string or array over the sandbox's limit");
    }

    @Test
    void aHugeArrayFromOneBuiltinCallIsRefusedBeforeItIsBuilt() {
        // Array.from loops inside Java where no instruction check runs: unguarded, it ran 15 s here and
        // exhausted the server's heap before failing
        assertEscapeFails("array-from", "from would build a string or array over the sandbox's limit");
    }

    @Test
    void aScriptThatIsTheRootActionFailsInsideTheStartRequest() {
        workflows.save("script-escape-at-start");

        // the root action runs while the run is started: the 201 already shows the failed run
        JsonObject started = workflows.start("script-escape-at-start", "{}");

        assertThat(started.getString("status")).isEqualTo("FAILED");
        assertThat(action(started, "1").getString("status")).isEqualTo("FAILED");
        assertThat(action(started, "1").getString("error")).contains("script exceeded its time limit of 2000 ms");
        assertThat(action(started, "2").getString("status")).isEqualTo("PENDING");
        assertThat(workflows.run(started.getString("id")).getString("status")).isEqualTo("FAILED");
        workflows.save("script-discount");
        String normal = workflows
                .start("script-discount", "{\"user\":{\"name\":\"Di\",\"age\":5}}")
                .getString("id");
        assertThat(action(workflows.awaitStatus(normal, "COMPLETED"), "3")
                        .getJsonObject("input")
                        .getInt("discount"))
                .isEqualTo(10);
    }

    /**
     * Runs {@code script-escape-<name>}: its javascript action fails with {@code error}, the run is FAILED
     * naming it, the action after it never starts, and a normal run started afterwards completes.
     */
    private void assertEscapeFails(String name, String error) {
        String workflow = "script-escape-" + name;
        workflows.save(workflow);
        String id = workflows.start(workflow, "{}").getString("id");

        JsonObject run = workflows.awaitStatus(id, "FAILED");

        JsonObject script = action(run, "2");
        assertThat(script.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(script.getString("error")).as(run.toString()).contains(error);
        assertThat(script.get("output")).isEqualTo(JsonValue.NULL);
        assertThat(action(run, "1").getString("status")).isEqualTo("COMPLETED");
        assertThat(action(run, "3").getString("status")).isEqualTo("PENDING");
        assertThat(action(run, "3").get("taskId")).isEqualTo(JsonValue.NULL);
        assertThat(run.getString("error")).contains("action 2 (javascript) failed", error);
        assertThat(run.getString("endTime")).isNotBlank();

        workflows.save("script-discount");
        String normal = workflows
                .start("script-discount", "{\"user\":{\"name\":\"Cy\",\"age\":40}}")
                .getString("id");
        JsonObject after = workflows.awaitStatus(normal, "COMPLETED");
        assertThat(action(after, "3").getJsonObject("input").getInt("discount")).isEqualTo(20);
        assertThat(api.get("/api/health").json().getString("status")).isEqualTo("UP");
    }
}
