/**
 * Split/merge as a Jakarta Batch partitioned job ({@code batch-jobs/.../split-merge.xml}): the mapper
 * cuts a parent's children into ranges, each partition creates and awaits its range, the reducer runs
 * the merge. {@link dev.baton.tasks.batch.SplitJobs} starts jobs and restarts those a crash interrupted.
 */
package dev.baton.tasks.batch;
