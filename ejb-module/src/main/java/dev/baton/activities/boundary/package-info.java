/**
 * The activity facade (plugin registration, listing, plan preview; one transaction per call) and the
 * {@code baton.activities} queue consumer that registers and deregisters plugins sent over JMS.
 */
package dev.baton.activities.boundary;
