/** Built-in Java handlers, useful for tests, benchmarks and smoke checks: noop, echo, sleep, fail, split. */
package dev.baton.handlers.builtin;
