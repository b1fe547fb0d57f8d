/**
 * The {@code activity-run} batch job (batch-jobs/activity-run.xml): steps {@code pre} and {@code post}
 * run their stage's plugins one at a time ({@link dev.baton.activities.batch.ActivityStageBatchlet}),
 * step {@code parallel} is partitioned with one partition per parallel plugin
 * ({@link dev.baton.activities.batch.ActivityPartitionMapper}). Each plugin runs as a Baton task and ends
 * with it, or (completion {@code report}) with its own report; a plugin already Complete is never run
 * again, so a restarted job resumes where it stopped, on the node that owns the run.
 */
package dev.baton.activities.batch;
