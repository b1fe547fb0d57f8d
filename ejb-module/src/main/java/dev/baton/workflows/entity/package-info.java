/**
 * Workflow persistence: stored definition versions, runs, and the state of each action of a run, with
 * the run and action lifecycles as enums holding their transition tables.
 */
package dev.baton.workflows.entity;
