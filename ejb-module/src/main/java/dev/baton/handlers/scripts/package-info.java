/**
 * Workspace scripts (Orchestra's workspace): executables in the configured folder, run with the params
 * as JSON on stdin; stdout is the result. Names are confined to the workspace.
 */
package dev.baton.handlers.scripts;
