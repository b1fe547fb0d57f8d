/** REST view of the shared storage: {@code /api/storage/{path}} with versions as entity tags. */
package dev.baton.storage.boundary;
