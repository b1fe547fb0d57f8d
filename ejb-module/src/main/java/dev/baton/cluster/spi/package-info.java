/**
 * The command SPI: a CDI bean implementing {@link dev.baton.cluster.spi.CommandHandler} adds a command
 * every server node answers ({@code POST /api/commands}). Built-ins: drain, resume, cancel-task,
 * reload-workspace, ping.
 */
package dev.baton.cluster.spi;
