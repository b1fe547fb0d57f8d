package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.PluginCompletion;
import dev.baton.activities.entity.PluginRunStatus;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * A plugin reports on itself (REST or JMS): progress while InProgress, and, for a plugin registered with
 * {@code "completion": "report"}, its end (Complete with an optional result, or Error). 404 for an
 * unknown run or plugin, 409 when the plugin is not InProgress or (for complete and error) ends with its
 * handler. Every check happens before anything changes, so a refused report changes nothing. Callers
 * provide the transaction.
 */
@ApplicationScoped
public class PluginReports {

    @Inject
    ActivityRuns runs;

    @Inject
    Event<PluginChanged> changed;

    /** Applies the report (body parsed for {@code kind}) and returns the plugin as it is now. */
    public ActivityPluginRun report(String runId, String plugin, PluginReport.Kind kind, String body) {
        PluginReport report = PluginReport.parse(kind, body);
        runs.run(runId); // 404 for an unknown run
        ActivityPluginRun p =
                runs.lockPlugin(runId, plugin).orElseThrow(() -> ProblemException.notFound("plugin", plugin));
        if (kind != PluginReport.Kind.PROGRESS && p.getCompletion() != PluginCompletion.REPORT) {
            throw ProblemException.conflict("plugin '" + plugin + "' ends when its handler returns (completion '"
                    + p.getCompletion().json() + "'); only plugins registered with \"completion\": \"report\""
                    + " report their " + kind.json());
        }
        if (p.getStatus() != PluginRunStatus.IN_PROGRESS) {
            throw ProblemException.conflict(
                    "plugin '" + plugin + "' is " + p.getStatus().json() + ", not InProgress");
        }
        long now = System.currentTimeMillis();
        switch (kind) {
            case PROGRESS -> p.progress(report.message());
            case COMPLETE -> {
                p.ended(PluginRunStatus.COMPLETE, report.message(), now);
                p.setResult(report.resultText());
            }
            case ERROR -> p.ended(PluginRunStatus.ERROR, report.message(), now);
        }
        if (kind != PluginReport.Kind.PROGRESS) {
            changed.fire(new PluginChanged(runId, plugin));
        }
        return p;
    }
}
