/**
 * The Baton Java SDK. {@link dev.baton.sdk.Worker} runs tasks of remote handlers outside the server over
 * the worker protocol (docs/workers.md): it registers, long-polls as many tasks as it has free threads,
 * reports results, progress and failures, heartbeats, obeys cancels, answers commands and shuts down
 * gracefully. {@link dev.baton.sdk.Client} submits tasks and awaits their results (Orchestra's
 * {@code play}, {@code queue}, {@code result}) over REST or JMS, and offers the shared storage
 * ({@link dev.baton.sdk.Storage}). Everything else in this package is package-private plumbing:
 *
 * <ul>
 *   <li>the worker's parts: {@code WorkerSettings} (what it was built with), {@code WorkerThreads},
 *       {@code WorkerLifecycle} (running, stopping, terminated), {@code WorkerSession} (registration),
 *       {@code WorkerStatus} (drain), {@code TaskSlots} (capacity), {@code Poller}, {@code TaskExecution},
 *       {@code TaskReports}, {@code Heartbeats}, {@code CommandAnswers} and {@code GracefulShutdown};
 *   <li>the client's paths: {@code RestTasks} and {@code JmsSubmissions}, with {@code TaskOutcome};
 *   <li>shared: {@code Transport} (HTTP with retries), {@code Backoff}, {@code JsonCodec}.
 * </ul>
 */
package dev.baton.sdk;
