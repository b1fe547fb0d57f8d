/**
 * The Java handler SPI. A handler is an {@code @ApplicationScoped} CDI bean implementing {@link
 * dev.baton.handlers.spi.TaskHandler}; its {@link dev.baton.handlers.spi.TaskHandler#name()} is the
 * handler name tasks use.
 */
package dev.baton.handlers.spi;
