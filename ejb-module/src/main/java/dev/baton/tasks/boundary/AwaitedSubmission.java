package dev.baton.tasks.boundary;

import dev.baton.tasks.control.FinishWaits.Outcome;
import java.util.concurrent.CompletableFuture;

/** A submission made with {@code ?wait}: what was submitted, and the wait for its finish. */
public record AwaitedSubmission(SubmitResult result, CompletableFuture<Outcome> finish) {}
