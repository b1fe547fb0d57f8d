/** Finding handlers by name and invoking them within their time budget, cancellably. */
package dev.baton.handlers.control;
