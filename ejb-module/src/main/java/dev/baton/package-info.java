/**
 * Baton: a workflow and task orchestration server. Packages are cut by feature ({@code tasks},
 * {@code handlers}, later {@code workflows}, {@code activities}, {@code cluster}, {@code storage}),
 * then by role: {@code boundary} (entry points: EJB facades, MDBs), {@code control} (logic) and
 * {@code entity} (JPA state). Shared adapters live in {@code infrastructure}.
 */
package dev.baton;
