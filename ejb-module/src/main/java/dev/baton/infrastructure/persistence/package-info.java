/** The database: its JNDI name and the versioned schema migrations applied at start-up. */
package dev.baton.infrastructure.persistence;
