/**
 * The Baton Java SDK. {@link dev.baton.sdk.Worker} runs tasks of remote handlers outside the server over
 * the worker protocol (docs/workers.md): it registers, long-polls as many tasks as it has free threads,
 * reports results, progress and failures, heartbeats, obeys cancels, answers commands and shuts down
 * gracefully. {@link dev.baton.sdk.Client} submits tasks and awaits their results (Orchestra's
 * {@code play}, {@code queue}, {@code result}) over REST or JMS, and offers the shared storage
 * ({@link dev.baton.sdk.Storage}). Everything else in this package is package-private plumbing.
 */
package dev.baton.sdk;
