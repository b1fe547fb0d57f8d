package dev.baton.handlers.spi;

/** What a handler is asked to do: run the task, or merge the results of the children it split into. */
public enum Phase {
    RUN,
    MERGE
}
