/**
 * REST view of activities: plugin registration and deregistration, listings and plan previews; activity
 * runs: start, list, status, cancel, and plugins' reports on themselves.
 */
package dev.baton.activities.boundary;
