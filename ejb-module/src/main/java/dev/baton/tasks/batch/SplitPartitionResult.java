package dev.baton.tasks.batch;

import java.io.Serializable;

/** What a partition reports to the analyzer: the range of children it created and awaited. */
public record SplitPartitionResult(int from, int to) implements Serializable {}
