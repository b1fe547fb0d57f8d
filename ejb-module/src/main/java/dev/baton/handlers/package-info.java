/**
 * Handlers: what runs a task. Java handlers (CDI beans implementing {@link
 * dev.baton.handlers.spi.TaskHandler}) and executable scripts in the workspace folder.
 */
package dev.baton.handlers;
