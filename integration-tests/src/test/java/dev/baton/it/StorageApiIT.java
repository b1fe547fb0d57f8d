package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared storage over REST: create and replace with versions as ETags, subtree reads by prefix
 * (nested and flat), the tree rule (a path holds either a value or children: 409), deletes that prune
 * emptied parents, compare-and-set (If-Match) and create-only (If-None-Match: *) with 412s, parallel
 * compare-and-set where exactly one writer wins each version, the 400/404/413 problems and roles. Each
 * test works below a root of its own.
 */
@ExtendWith(ArquillianExtension.class)
class StorageApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final StorageClient storage = StorageClient.of(Api.admin());
    private final String root = Tasks.unique("st");

    private static JsonValue json(String text) {
        return StorageClient.parse(text);
    }

    @Test
    void aPutCreatesWithVersion1AndEveryReplacementIncrementsIt() {
        Api.Reply created = storage.put(root + ".cfg", "{\"limit\": 3, \"names\": [\"a\"]}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).endsWith("/api/storage/" + root + ".cfg");
        assertThat(created.json())
                .isEqualTo(json(
                        "{\"path\":\"" + root + ".cfg\",\"version\":1,\"value\":{\"limit\":3,\"names\":[\"a\"]}}"));

        Api.Reply replaced = storage.put(root + ".cfg", "{\"limit\": 4}");

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(replaced.json().getInt("version")).isEqualTo(2);
        Api.Reply read = storage.get(root + ".cfg");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        assertThat(json(read.body())).isEqualTo(json("{\"limit\":4}"));
    }

    @Test
    void anyJsonValueIsAValueScalarsAndNullIncluded() {
        for (String value : List.of("42", "-1.5e3", "\"text ünïcode\"", "true", "null", "[1,[2],{}]", "{}")) {
            String path = root + ".v" + Math.abs(value.hashCode());

            assertThat(storage.put(path, value).status()).isEqualTo(201);

            assertThat(storage.value(path)).as(value).isEqualTo(json(value));
        }
    }

    @Test
    void aPrefixReadsTheSubtreeNestedBySegmentWithoutAnETag() {
        storage.store(root + ".jobs.a.state", "\"done\"");
        storage.store(root + ".jobs.a.took", "12");
        storage.store(root + ".jobs.b_2.state", "\"running\"");
        storage.store(root + ".other", "{\"x\":true}");

        Api.Reply subtree = storage.get(root + ".jobs");

        assertThat(subtree.status()).isEqualTo(200);
        assertThat(subtree.header("ETag")).isNull();
        assertThat(json(subtree.body()))
                .isEqualTo(json("{\"a\":{\"state\":\"done\",\"took\":12},\"b_2\":{\"state\":\"running\"}}"));
        assertThat(storage.value(root))
                .isEqualTo(json("{\"jobs\":{\"a\":{\"state\":\"done\",\"took\":12},\"b_2\":{\"state\":\"running\"}},"
                        + "\"other\":{\"x\":true}}"));
        assertThat(storage.value(root + ".jobs.a")).isEqualTo(json("{\"state\":\"done\",\"took\":12}"));
    }

    @Test
    void flatReadsKeyEveryValueByItsFullPath() {
        storage.store(root + ".a.b", "1");
        storage.store(root + ".a.c.d", "[2]");
        storage.store(root + ".e", "\"x\"");

        assertThat(storage.value(root + "?flat=true"))
                .isEqualTo(Json.createObjectBuilder()
                        .add(root + ".a.b", 1)
                        .add(root + ".a.c.d", Json.createArrayBuilder().add(2))
                        .add(root + ".e", "x")
                        .build());
        Api.Reply one = storage.get(root + ".a.b?flat=true");
        assertThat(one.header("ETag")).isEqualTo("\"1\"");
        assertThat(json(one.body()))
                .isEqualTo(Json.createObjectBuilder().add(root + ".a.b", 1).build());
        assertThat(storage.value(root + "?flat=false"))
                .isEqualTo(json("{\"a\":{\"b\":1,\"c\":{\"d\":[2]}},\"e\":\"x\"}"));
    }

    @Test
    void theWholeStorageIsOneObjectByRootSegment() {
        storage.store(root + ".a", "1");
        storage.store(root + ".b.c", "2");

        JsonObject all = storage.value("").asJsonObject();
        JsonObject flat = storage.value("?flat=true").asJsonObject();

        assertThat(all.getJsonObject(root)).isEqualTo(json("{\"a\":1,\"b\":{\"c\":2}}"));
        assertThat(flat.getInt(root + ".a")).isEqualTo(1);
        assertThat(flat.getInt(root + ".b.c")).isEqualTo(2);
    }

    @Test
    void aPathHoldsEitherAValueOrChildren() {
        storage.store(root + ".leaf", "1");
        storage.store(root + ".node.child", "2");

        JsonObject below = assertProblem(storage.put(root + ".leaf.x", "3"), 409);
        assertThat(below.getString("conflictingPath")).isEqualTo(root + ".leaf");
        assertThat(below.getString("detail")).contains("'" + root + ".leaf' holds a value");
        assertThat(fields(below)).containsExactly("path");
        JsonObject over = assertProblem(storage.put(root + ".node", "4"), 409);
        assertThat(over.getString("conflictingPath")).isEqualTo(root + ".node");
        assertThat(over.getString("detail")).contains("has children");
        assertProblem(storage.put(root, "5"), 409);
        assertThat(storage.value(root)).isEqualTo(json("{\"leaf\":1,\"node\":{\"child\":2}}"));

        // a value becomes a subtree once it is deleted, and the other way round
        assertThat(storage.delete(root + ".leaf").status()).isEqualTo(204);
        assertThat(storage.put(root + ".leaf.x", "3").status()).isEqualTo(201);
        assertThat(storage.delete(root + ".node").status()).isEqualTo(204);
        assertThat(storage.put(root + ".node", "4").status()).isEqualTo(201);
        assertThat(storage.value(root)).isEqualTo(json("{\"leaf\":{\"x\":3},\"node\":4}"));
    }

    @Test
    void deletingTheLastValueBelowAPathRemovesThePathToo() {
        storage.store(root + ".a.b.c", "1");
        storage.store(root + ".z", "2");

        assertThat(storage.delete(root + ".a.b.c").status()).isEqualTo(204);

        assertProblem(storage.get(root + ".a.b.c"), 404);
        assertProblem(storage.get(root + ".a.b"), 404);
        assertProblem(storage.get(root + ".a"), 404);
        assertThat(storage.value(root)).isEqualTo(json("{\"z\":2}"));
        // so the emptied path can hold a value again
        assertThat(storage.put(root + ".a", "3").status()).isEqualTo(201);
    }

    @Test
    void deletingAPrefixDeletesTheWholeSubtree() {
        storage.store(root + ".t.a", "1");
        storage.store(root + ".t.b.c", "2");
        storage.store(root + ".t_x", "3"); // '_' is no wildcard: t_x is not below t

        assertThat(storage.delete(root + ".t").status()).isEqualTo(204);

        assertProblem(storage.get(root + ".t"), 404);
        assertProblem(storage.get(root + ".t.b.c"), 404);
        assertThat(storage.value(root)).isEqualTo(json("{\"t_x\":3}"));
        JsonObject again = assertProblem(storage.delete(root + ".t"), 404);
        assertThat(again.getString("detail")).isEqualTo("nothing is stored at '" + root + ".t'");
    }

    @Test
    void ifMatchMakesAWriteACompareAndSet() {
        storage.store(root + ".c", "10");
        storage.store(root + ".c", "11");

        JsonObject stale = assertProblem(storage.put(root + ".c", "99", "If-Match", "\"1\""), 412);

        assertThat(stale.getInt("currentVersion")).isEqualTo(2);
        assertThat(stale.getString("detail")).isEqualTo("If-Match: '" + root + ".c' is at version 2, not 1");
        assertThat(fields(stale)).containsExactly("If-Match");
        assertThat(storage.value(root + ".c")).isEqualTo(json("11"));
        Api.Reply won = storage.put(root + ".c", "12", "If-Match", "\"2\"");
        assertThat(won.status()).as(won.toString()).isEqualTo(200);
        assertThat(won.header("ETag")).isEqualTo("\"3\"");
        assertThat(storage.put(root + ".c", "13", "If-Match", "*").status()).isEqualTo(200);
        JsonObject missing = assertProblem(storage.put(root + ".missing", "1", "If-Match", "\"1\""), 412);
        assertThat(missing.containsKey("currentVersion")).isFalse();
        assertThat(missing.getString("detail")).contains("nothing is stored at");
        assertProblem(storage.get(root + ".missing"), 404);
    }

    @Test
    void ifNoneMatchStarCreatesOnly() {
        Api.Reply first = storage.put(root + ".once", "\"me\"", "If-None-Match", "*");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        JsonObject second = assertProblem(storage.put(root + ".once", "\"you\"", "If-None-Match", "*"), 412);

        assertThat(second.getInt("currentVersion")).isEqualTo(1);
        assertThat(fields(second)).containsExactly("If-None-Match");
        assertThat(storage.value(root + ".once")).isEqualTo(json("\"me\""));
        storage.store(root + ".tree.x", "1");
        assertProblem(storage.put(root + ".tree", "1", "If-None-Match", "*"), 412);
    }

    @Test
    void aDeleteHonoursIfMatch() {
        storage.store(root + ".d", "1");
        storage.store(root + ".d", "2");
        storage.store(root + ".sub.x", "1");

        JsonObject stale = assertProblem(storage.delete(root + ".d", "If-Match", "\"1\""), 412);
        assertThat(stale.getInt("currentVersion")).isEqualTo(2);
        assertThat(storage.value(root + ".d")).isEqualTo(json("2"));
        assertThat(storage.delete(root + ".d", "If-Match", "\"2\"").status()).isEqualTo(204);
        assertProblem(storage.delete(root + ".d", "If-Match", "\"2\""), 412);
        // a subtree has no version: only If-Match: * matches it
        assertThat(assertProblem(storage.delete(root + ".sub", "If-Match", "\"1\""), 412)
                        .getString("detail"))
                .contains("holds a subtree, which has no version");
        assertThat(storage.delete(root + ".sub", "If-Match", "*").status()).isEqualTo(204);
        assertProblem(storage.delete(root + ".x", "If-None-Match", "*"), 400);
    }

    @Test
    void ofManyParallelCompareAndSetsOnOneVersionExactlyOneWins() {
        storage.store(root + ".race", "0");

        List<Integer> statuses =
                Parallel.times(24, i -> storage.put(root + ".race", Integer.toString(i + 1), "If-Match", "\"1\"")
                        .status());

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 412).count()).isEqualTo(23);
        Api.Reply after = storage.get(root + ".race");
        assertThat(after.header("ETag")).isEqualTo("\"2\"");
        assertThat(statuses.get(Integer.parseInt(after.body()) - 1)).isEqualTo(200); // the winner's value
    }

    @Test
    void ofManyParallelCreateOnlyWritesExactlyOneCreates() {
        List<Integer> statuses =
                Parallel.times(24, i -> storage.put(root + ".first", Integer.toString(i), "If-None-Match", "*")
                        .status());

        assertThat(statuses).containsOnly(201, 412);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(storage.get(root + ".first").header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void parallelIncrementsWithCompareAndSetLoseNothing() {
        int writers = 12;
        int each = 5;

        List<List<Long>> versions = Parallel.times(writers, w -> {
            List<Long> won = new java.util.ArrayList<>();
            for (int n = 0; n < each; n++) {
                won.add(increment(root + ".counter"));
            }
            return won;
        });

        Api.Reply after = storage.get(root + ".counter");
        assertThat(after.body()).isEqualTo(Integer.toString(writers * each));
        assertThat(after.header("ETag")).isEqualTo("\"" + writers * each + "\"");
        Set<Long> all = new TreeSet<>();
        versions.forEach(all::addAll);
        assertThat(all).hasSize(writers * each); // every increment won a version of its own
    }

    /** Reads, then writes value + 1 with If-Match (If-None-Match when new) until it wins; the version won. */
    private long increment(String path) {
        for (int attempt = 0; attempt < 500; attempt++) {
            Api.Reply read = storage.get(path);
            Api.Reply write = read.status() == 404
                    ? storage.put(path, "1", "If-None-Match", "*")
                    : storage.put(
                            path, Long.toString(Long.parseLong(read.body()) + 1), "If-Match", read.header("ETag"));
            if (write.status() == 200 || write.status() == 201) {
                return write.json().getJsonNumber("version").longValue();
            }
            assertThat(write.status()).as(write.toString()).isEqualTo(412);
        }
        throw new AssertionError("no increment of " + path + " won in 500 attempts");
    }

    @Test
    void malformedPathsAre400NamingThePath() {
        for (String path :
                List.of("a..b", ".a", "a.", "a%20b", "a/b", "%C3%A4", "x." + "y".repeat(101), "a.".repeat(250) + "b")) {
            JsonObject problem = assertProblem(storage.put(path, "1"), 400);
            assertThat(fields(problem)).as(path).containsExactly("path");
            assertThat(fields(assertProblem(storage.get(path), 400))).containsExactly("path");
            assertThat(fields(assertProblem(storage.delete(path), 400))).containsExactly("path");
        }
    }

    @Test
    void badBodiesAndHeadersAre400() {
        assertThat(fields(assertProblem(storage.put(root + ".a", "{\"a\":"), 400)))
                .containsExactly("body");
        assertThat(fields(assertProblem(storage.put(root + ".a", ""), 400))).containsExactly("body");
        assertThat(fields(assertProblem(storage.put(root + ".a", "{\"a\":1,\"a\":2}"), 400)))
                .containsExactly("body");
        assertThat(fields(assertProblem(storage.put(root + ".a", "1", "If-Match", "3"), 400)))
                .containsExactly("If-Match");
        assertThat(fields(assertProblem(storage.put(root + ".a", "1", "If-None-Match", "\"3\""), 400)))
                .containsExactly("If-None-Match");
        assertThat(fields(assertProblem(storage.get(root + "?flat=yes"), 400))).containsExactly("flat");
        Api.Reply text = Api.admin()
                .send(Api.admin()
                        .request(StorageClient.BASE + "/" + root + ".a")
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("1")));
        assertProblem(text, 415);
        assertProblem(storage.get(root + ".a"), 404);
    }

    @Test
    void nothingStoredIs404() {
        JsonObject problem = assertProblem(storage.get(root + ".nothing"), 404);

        assertThat(problem.getString("detail")).isEqualTo("nothing is stored at '" + root + ".nothing'");
        assertProblem(storage.get(root + ".nothing?flat=true"), 404);
        assertProblem(storage.delete(root + ".nothing"), 404);
        storage.store(root + ".leaf", "1");
        assertProblem(storage.get(root + ".leaf.below"), 404); // values are opaque: no path into them
    }

    @Test
    void aValueOverOneMebibyteIs413() {
        String big = "\"" + "x".repeat(1 << 20) + "\""; // 2 bytes over the limit with its quotes

        JsonObject problem = assertProblem(storage.put(root + ".big", big), 413);

        assertThat(problem.getInt("limitBytes")).isEqualTo(1 << 20);
        assertThat(fields(problem)).containsExactly("value");
        assertProblem(storage.get(root + ".big"), 404);
        String fits = "\"" + "x".repeat((1 << 20) - 2) + "\"";
        assertThat(storage.put(root + ".big", fits).status()).isEqualTo(201);
    }

    @Test
    void everyApiRoleReadsAndWritesOthersAreRefused() {
        for (String user : List.of("baton", "submitter", "worker")) {
            StorageClient as = StorageClient.of(Api.as(user, user));
            assertThat(as.put(root + "." + user, "\"" + user + "\"").status()).isEqualTo(201);
            assertThat(as.value(root + "." + user)).isEqualTo(json("\"" + user + "\""));
            assertThat(as.delete(root + "." + user).status()).isEqualTo(204);
        }
        StorageClient viewer = StorageClient.of(Api.as("viewer", "viewer"));
        assertProblem(viewer.get(root), 403);
        assertProblem(viewer.put(root + ".v", "1"), 403);
        StorageClient anonymous = StorageClient.of(Api.anonymous());
        assertProblem(anonymous.get(root), 401);
        assertProblem(anonymous.put(root + ".v", "1"), 401);
        assertProblem(anonymous.delete(root + ".v"), 401);
        assertProblem(storage.get(root + ".v"), 404);
    }
}
