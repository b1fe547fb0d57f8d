package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/tasks}: filters (status, handler, user, parent, priorityMin), limit and keyset paging
 * by cursor, newest first. Each test finds its own tasks by their ids among whatever else is stored.
 */
@ExtendWith(ArquillianExtension.class)
class TaskListingIT {

    private static final int MAX_PAGES = 500;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Tasks tasks = Tasks.of(api);
    private final Tasks submitter = Tasks.of(Api.as("submitter", "submitter"));

    @Test
    void pagesAreNewestFirstDisjointAndCoverEverything() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            submitted.add(submitter.submitId("{\"handler\":\"echo\",\"priority\":37,\"params\":{\"i\":" + i + "}}"));
        }
        String filter = "handler=echo&user=submitter&priorityMin=37&limit=3";

        List<JsonObject> pages = allPages(filter);

        List<String> listed =
                pages.stream().flatMap(page -> Tasks.ids(page).stream()).toList();
        assertThat(new HashSet<>(listed)).as("no task on two pages").hasSize(listed.size());
        assertThat(listed).containsAll(submitted);
        assertThat(listed).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(Tasks.ids(pages.get(0)))
                .as("the newest tasks open the first page")
                .containsExactly(submitted.get(6), submitted.get(5), submitted.get(4));
        List<String> newestFirst = new ArrayList<>(submitted);
        Collections.reverse(newestFirst);
        assertThat(listed.stream().filter(submitted::contains).toList()).containsExactlyElementsOf(newestFirst);
        for (JsonObject page : pages.subList(0, pages.size() - 1)) {
            assertThat(page.getJsonArray("items")).hasSize(3);
            assertThat(page.getString("nextCursor")).isNotBlank();
            assertThat(page.getInt("limit")).isEqualTo(3);
        }
        JsonObject last = pages.get(pages.size() - 1);
        assertThat(last.get("nextCursor")).isEqualTo(JsonValue.NULL);
        assertThat(last.getJsonArray("items")).hasSizeBetween(1, 3);
    }

    @Test
    void limitCutsThePageAndLeavesACursor() {
        tasks.submitId("{\"handler\":\"noop\"}");
        tasks.submitId("{\"handler\":\"noop\"}");

        JsonObject page = tasks.page("handler=noop&limit=1");

        assertThat(page.getJsonArray("items")).hasSize(1);
        assertThat(page.getInt("limit")).isEqualTo(1);
        assertThat(page.getString("nextCursor")).isEqualTo(Tasks.ids(page).get(0));
        assertThat(tasks.page("limit=50").getInt("limit")).isEqualTo(50);
    }

    @Test
    void filterByStatus() {
        String cancelled = tasks.submitLongSleep();
        tasks.cancel(cancelled);
        String succeeded = tasks.submitId("{\"handler\":\"sleep\",\"params\":{\"ms\":1}}");
        tasks.awaitStatus(succeeded, "SUCCEEDED");

        JsonObject page = tasks.page("status=CANCELLED&handler=sleep&limit=1000");
        JsonObject lowerCase = tasks.page("status=cancelled&handler=sleep&limit=1000");

        assertThat(Tasks.ids(page)).contains(cancelled).doesNotContain(succeeded);
        assertThat(values(page, "status")).containsOnly("CANCELLED");
        assertThat(Tasks.ids(lowerCase)).isEqualTo(Tasks.ids(page));
        assertThat(Tasks.ids(tasks.page("status=SUCCEEDED&handler=sleep&limit=1000")))
                .contains(succeeded)
                .doesNotContain(cancelled);
    }

    @Test
    void filterByHandler() {
        String echo = tasks.submitId("{\"handler\":\"echo\"}");
        String noop = tasks.submitId("{\"handler\":\"noop\"}");

        JsonObject page = tasks.page("handler=echo&limit=1000");

        assertThat(Tasks.ids(page)).contains(echo).doesNotContain(noop);
        assertThat(values(page, "handler")).containsOnly("echo");
        assertThat(tasks.page("handler=" + Tasks.unique("nobody-uses")).getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void filterByUser() {
        String mine = tasks.submitId("{\"handler\":\"noop\"}");
        String theirs = submitter.submitId("{\"handler\":\"noop\"}");

        JsonObject page = tasks.page("user=submitter&limit=1000");

        assertThat(Tasks.ids(page)).contains(theirs).doesNotContain(mine);
        assertThat(values(page, "user")).containsOnly("submitter");
    }

    @Test
    void filterByParentListsExactlyTheChildrenOfASplit() {
        Api.Reply split = api.post(Tasks.BASE + "?wait=60", "{\"handler\":\"split\",\"params\":{\"count\":5}}");
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        String parent = split.json().getString("id");

        List<JsonObject> pages = allPages("parent=" + parent + "&limit=2");

        List<String> children =
                pages.stream().flatMap(page -> Tasks.ids(page).stream()).toList();
        assertThat(pages).hasSize(3);
        assertThat(children).hasSize(5).doesNotHaveDuplicates().doesNotContain(parent);
        List<JsonObject> items = pages.stream()
                .flatMap(page -> page.getJsonArray("items").stream().map(JsonValue::asJsonObject))
                .toList();
        assertThat(items)
                .allSatisfy(child -> assertThat(child.getString("parentId")).isEqualTo(parent));
        assertThat(items).extracting(child -> child.getInt("childIndex")).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void filterByMinimumPriority() {
        String low = tasks.submitId("{\"handler\":\"echo\",\"priority\":10}");
        String high = tasks.submitId("{\"handler\":\"echo\",\"priority\":90}");
        String top = tasks.submitId("{\"handler\":\"echo\",\"priority\":100}");

        JsonObject page = tasks.page("priorityMin=90&handler=echo&limit=1000");

        assertThat(Tasks.ids(page)).contains(high, top).doesNotContain(low);
        assertThat(page.getJsonArray("items"))
                .allSatisfy(t -> assertThat(t.asJsonObject().getInt("priority")).isGreaterThanOrEqualTo(90));
    }

    @Test
    void filtersCombine() {
        String match = submitter.submitId("{\"handler\":\"echo\",\"priority\":80}");
        String otherUser = tasks.submitId("{\"handler\":\"echo\",\"priority\":80}");
        String otherHandler = submitter.submitId("{\"handler\":\"noop\",\"priority\":80}");
        String lowPriority = submitter.submitId("{\"handler\":\"echo\",\"priority\":20}");

        List<String> ids = Tasks.ids(tasks.page("user=submitter&handler=echo&priorityMin=80&limit=1000"));

        assertThat(ids).contains(match).doesNotContain(otherUser, otherHandler, lowPriority);
    }

    @Test
    void everySubmissionOfAConcurrentBurstRunsPromptlyAndIsListed() {
        String burst = Tasks.unique("burst");
        int size = 40;
        List<String> ids = Parallel.times(
                size, i -> submitter.submitId("{\"handler\":\"echo\",\"params\":{\"burst\":\"" + burst + "\"}}"));

        // well within the aging interval (60 s) that would rescue a lost dispatch
        Tasks.await().until(() -> succeededOfBurst(burst), done -> done.size() == size);
        assertThat(succeededOfBurst(burst)).containsExactlyInAnyOrderElementsOf(ids);
    }

    private Set<String> succeededOfBurst(String burst) {
        Set<String> done = new HashSet<>();
        for (JsonValue item : tasks.page("user=submitter&handler=echo&status=SUCCEEDED&limit=1000")
                .getJsonArray("items")) {
            JsonObject task = item.asJsonObject();
            if (burst.equals(task.getJsonObject("params").getString("burst", null))) {
                done.add(task.getString("id"));
            }
        }
        return done;
    }

    /** Follows nextCursor from the first page to the last. */
    private List<JsonObject> allPages(String query) {
        List<JsonObject> pages = new ArrayList<>();
        JsonObject page = tasks.page(query);
        pages.add(page);
        while (page.get("nextCursor") != JsonValue.NULL) {
            assertThat(pages).as("pages of " + query).hasSizeLessThan(MAX_PAGES);
            page = tasks.page(query + "&cursor=" + Tasks.encode(page.getString("nextCursor")));
            pages.add(page);
        }
        return pages;
    }

    private static List<String> values(JsonObject page, String member) {
        return page.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString(member))
                .toList();
    }
}
