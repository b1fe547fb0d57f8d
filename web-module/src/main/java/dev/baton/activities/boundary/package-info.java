/** REST view of activities: plugin registration and deregistration, listings and plan previews. */
package dev.baton.activities.boundary;
