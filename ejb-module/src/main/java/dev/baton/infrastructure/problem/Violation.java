package dev.baton.infrastructure.problem;

/** One broken rule: the field (a JSON pointer or parameter name) and what is wrong with it. */
public record Violation(String field, String message) {}
