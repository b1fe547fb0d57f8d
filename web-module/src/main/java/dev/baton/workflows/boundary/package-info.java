/** The workflow REST API: definitions ({@code /api/workflows}), runs ({@code /api/runs}) and Orchy's {@code /flow/execute}. */
package dev.baton.workflows.boundary;
