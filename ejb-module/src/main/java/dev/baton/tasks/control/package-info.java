/**
 * Task logic: validating submissions, the lifecycle transitions (each in its own transaction together
 * with the JMS messages it causes), dispatch, retries with backoff, split/merge bookkeeping, waiting.
 */
package dev.baton.tasks.control;
