package dev.baton.bench;

/** One line of the result table. */
record Figure(String scenario, String name, String value, String note) {}
