/**
 * The activity facades (plugin registration, listing, plan preview; activity runs: start, list, read,
 * cancel, plugin reports; one transaction per call) and the {@code baton.activities} queue consumer that
 * registers and deregisters plugins and applies plugins' reports sent over JMS.
 */
package dev.baton.activities.boundary;
