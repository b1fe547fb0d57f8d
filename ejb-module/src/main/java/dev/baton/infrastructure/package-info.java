/** Adapters shared by all features: configuration, JMS destinations, JSON, persistence, problems. */
package dev.baton.infrastructure;
