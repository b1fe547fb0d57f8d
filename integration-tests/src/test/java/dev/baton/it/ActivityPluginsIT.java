package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Black-box tests of plugin registration over REST: register (201), re-register (200, replaced),
 * deregister (204), listings, plan previews with filters, every bad input with its status and field, and
 * the roles.
 */
@ExtendWith(ArquillianExtension.class)
class ActivityPluginsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api admin = Api.admin();
    private final Api worker = Api.as("worker", "worker");
    private final Api submitter = Api.as("submitter", "submitter");

    /** An activity name no other test uses. */
    private static String activity() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String plugins(String activity) {
        return "/api/activities/" + activity + "/plugins";
    }

    private static List<String> names(JsonObject json, String member) {
        return json.getJsonArray(member).stream()
                .map(JsonValue::asJsonObject)
                .map(p -> p.getString("name"))
                .toList();
    }

    private Api.Reply register(String activity, String body) {
        return worker.post(plugins(activity), body);
    }

    @Test
    void aNewPluginIs201WithItsLocationAndReRegisteringReplacesItWith200() {
        String activity = activity();
        Api.Reply created = register(
                activity,
                "{\"name\":\"fraud\",\"stage\":\"pre\",\"order\":1,\"handler\":\"echo\","
                        + "\"filter\":\"region = 'EU'\",\"timeoutSeconds\":30,\"optional\":true}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(plugins(activity) + "/fraud");
        JsonObject plugin = created.json();
        assertThat(plugin.getString("activity")).isEqualTo(activity);
        assertThat(plugin.getString("stage")).isEqualTo("pre");
        assertThat(plugin.getInt("order")).isEqualTo(1);
        assertThat(plugin.getString("filter")).isEqualTo("region = 'EU'");
        assertThat(plugin.getInt("timeoutSeconds")).isEqualTo(30);
        assertThat(plugin.getBoolean("optional")).isTrue();
        assertThat(plugin.getString("registeredBy")).isEqualTo("worker");
        assertThat(admin.get(plugins(activity) + "/fraud").json()).isEqualTo(plugin);

        Api.Reply replaced = register(activity, "{\"name\":\"fraud\",\"stage\":\"parallel\",\"handler\":\"noop\"}");

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        JsonObject now = admin.get("/api/activities/" + activity).json();
        assertThat(names(now.getJsonObject("plugins"), "pre")).isEmpty();
        JsonObject parallel =
                now.getJsonObject("plugins").getJsonArray("parallel").getJsonObject(0);
        assertThat(parallel.getString("handler")).isEqualTo("noop");
        assertThat(parallel.containsKey("filter")).isFalse();
        assertThat(parallel.containsKey("order")).isFalse();
        assertThat(parallel.getBoolean("optional")).isFalse();
    }

    @Test
    void anActivityListsItsPluginsPerStageInRunningOrder() {
        String activity = activity();
        register(activity, "{\"name\":\"late\",\"stage\":\"pre\",\"order\":20,\"handler\":\"h\"}");
        register(activity, "{\"name\":\"early\",\"stage\":\"pre\",\"order\":5,\"handler\":\"h\"}");
        register(activity, "{\"name\":\"z\",\"stage\":\"parallel\",\"handler\":\"h\"}");
        register(activity, "{\"name\":\"a\",\"stage\":\"parallel\",\"handler\":\"h\"}");
        register(activity, "{\"name\":\"cleanup\",\"stage\":\"post\",\"order\":1,\"handler\":\"h\"}");

        JsonObject plugins = submitter.get("/api/activities/" + activity).json().getJsonObject("plugins");

        assertThat(names(plugins, "pre")).containsExactly("early", "late");
        assertThat(names(plugins, "parallel")).containsExactly("a", "z");
        assertThat(names(plugins, "post")).containsExactly("cleanup");

        JsonObject listed = admin.get("/api/activities").json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("name").equals(activity))
                .findFirst()
                .orElseThrow();
        assertThat(listed.getJsonObject("plugins").getInt("pre")).isEqualTo(2);
        assertThat(listed.getJsonObject("plugins").getInt("parallel")).isEqualTo(2);
        assertThat(listed.getJsonObject("plugins").getInt("post")).isEqualTo(1);
    }

    @Test
    void deregisteringIs204AndTheLastPluginTakesTheActivityAway() {
        String activity = activity();
        register(activity, "{\"name\":\"only\",\"stage\":\"parallel\",\"handler\":\"h\"}");

        assertThat(worker.delete(plugins(activity) + "/only").status()).isEqualTo(204);

        assertProblem(worker.delete(plugins(activity) + "/only"), 404);
        assertProblem(admin.get("/api/activities/" + activity), 404);
        assertProblem(admin.get(plugins(activity) + "/only"), 404);
        assertThat(admin.get("/api/activities").body()).doesNotContain(activity);
    }

    @Test
    void thePlanHoldsThePluginsWhoseFiltersMatchTheMetadata() {
        String activity = activity();
        register(
                activity,
                "{\"name\":\"eu-check\",\"stage\":\"pre\",\"order\":1,\"handler\":\"h\","
                        + "\"filter\":\"region = 'EU' AND amount > 1000\"}");
        register(activity, "{\"name\":\"always\",\"stage\":\"parallel\",\"handler\":\"h\"}");
        register(activity, "{\"name\":\"vip\",\"stage\":\"parallel\",\"handler\":\"h\",\"filter\":\"vip\"}");
        register(
                activity,
                "{\"name\":\"us-only\",\"stage\":\"post\",\"order\":1,\"handler\":\"h\","
                        + "\"filter\":\"region IN ('US', 'CA')\"}");

        JsonObject eu = submitter
                .post(
                        "/api/activities/" + activity + "/plan",
                        "{\"metadata\":{\"region\":\"EU\",\"amount\":1500,\"vip\":true}}")
                .json();
        assertThat(names(eu, "pre")).containsExactly("eu-check");
        assertThat(names(eu, "parallel")).containsExactly("always", "vip");
        assertThat(names(eu, "post")).isEmpty();

        JsonObject small = submitter
                .post("/api/activities/" + activity + "/plan", "{\"metadata\":{\"region\":\"EU\",\"amount\":999}}")
                .json();
        assertThat(names(small, "pre")).isEmpty();
        assertThat(names(small, "parallel")).containsExactly("always");

        JsonObject us = submitter
                .post("/api/activities/" + activity + "/plan", "{\"metadata\":{\"region\":\"US\"}}")
                .json();
        assertThat(names(us, "post")).containsExactly("us-only");

        JsonObject none =
                submitter.post("/api/activities/" + activity + "/plan", "{}").json();
        assertThat(names(none, "parallel")).containsExactly("always");
    }

    @Test
    void thePlanOfAnUnknownActivityIs404AndBadPlanRequestsAre400() {
        String activity = activity();
        assertProblem(admin.post("/api/activities/" + activity + "/plan", "{\"metadata\":{}}"), 404);

        register(activity, "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\"}");
        assertThat(fields(
                        assertProblem(admin.post("/api/activities/" + activity + "/plan", "{\"metadata\":[1]}"), 400)))
                .containsExactly("/metadata");
        assertThat(fields(assertProblem(admin.post("/api/activities/" + activity + "/plan", "{\"meta\":{}}"), 400)))
                .containsExactly("/meta");
        assertProblem(admin.post("/api/activities/" + activity + "/plan", "{\"metadata\":"), 400);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"p\",\"stage\":\"pre\",\"handler\":\"h\"                       | 400 | body",
                "[]                                                                          | 400 | body",
                "{\"name\":7,\"stage\":\"parallel\",\"handler\":\"h\"}                       | 400 | /name",
                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"colour\":1}      | 400 | /colour",
                "{\"name\":\"p\",\"stage\":\"pre\",\"order\":\"1\",\"handler\":\"h\"}        | 400 | /order",
                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"optional\":1}    | 400 | /optional",
                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"timeoutSeconds\":1.5} | 400 | /timeoutSeconds",
                "{\"stage\":\"parallel\",\"handler\":\"h\"}                                  | 422 | /name",
                "{\"name\":\"a b\",\"stage\":\"parallel\",\"handler\":\"h\"}                 | 422 | /name",
                "{\"name\":\"p\",\"handler\":\"h\"}                                          | 422 | /stage",
                "{\"name\":\"p\",\"stage\":\"middle\",\"handler\":\"h\"}                     | 422 | /stage",
                "{\"name\":\"p\",\"stage\":\"post\",\"handler\":\"h\"}                       | 422 | /order",
                "{\"name\":\"p\",\"stage\":\"parallel\"}                                     | 422 | /handler",
                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"timeoutSeconds\":0}  | 422 | /timeoutSeconds",
                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"timeoutSeconds\":86401} | 422 | /timeoutSeconds",
            })
    void everyBadRegistrationNamesItsField(String body, int status, String field) {
        String activity = activity();
        assertThat(fields(assertProblem(register(activity, body), status))).containsExactly(field);
        assertProblem(admin.get("/api/activities/" + activity), 404);
    }

    @Test
    void anInvalidFilterIs422AtFilterWithTheColumn() {
        JsonObject problem = assertProblem(
                register(
                        activity(),
                        "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"filter\":\"region = 'EU' AND\"}"),
                422);

        assertThat(fields(problem)).containsExactly("/filter");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("column 18");
    }

    @Test
    void aLongHandlerAndABadActivityNameAre422() {
        assertThat(fields(assertProblem(
                        register(
                                activity(),
                                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"" + "h".repeat(201) + "\"}"),
                        422)))
                .containsExactly("/handler");
        assertThat(fields(assertProblem(
                        register("bad~name", "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\"}"), 422)))
                .containsExactly("activity");
    }

    @Test
    void onlyAdminsAndWorkersRegisterAndEveryRoleMayLook() {
        String activity = activity();
        String body = "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\"}";

        assertThat(Api.anonymous().post(plugins(activity), body).status()).isEqualTo(401);
        assertThat(Api.anonymous().get("/api/activities").status()).isEqualTo(401);
        assertThat(Api.as("worker", "wrong").post(plugins(activity), body).status())
                .isEqualTo(401);
        assertProblem(submitter.post(plugins(activity), body), 403);
        assertProblem(Api.as("viewer", "viewer").get("/api/activities"), 403);

        assertThat(admin.post(plugins(activity), body).status()).isEqualTo(201);
        assertProblem(submitter.delete(plugins(activity) + "/p"), 403);
        assertThat(submitter.get("/api/activities/" + activity).status()).isEqualTo(200);
        assertThat(worker.get("/api/activities").status()).isEqualTo(200);
        assertThat(admin.delete(plugins(activity) + "/p").status()).isEqualTo(204);
    }
}
