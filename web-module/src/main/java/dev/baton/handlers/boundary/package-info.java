/** REST view of the registered handlers. */
package dev.baton.handlers.boundary;
