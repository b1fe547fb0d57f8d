/** Identifier generation. */
package dev.baton.infrastructure.ids;
