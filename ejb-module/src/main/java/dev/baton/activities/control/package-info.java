/**
 * Activity logic: the plugin registry and plans, activity runs (created with a frozen plan, listed,
 * cancelled by {@link dev.baton.activities.control.ActivityCancellation}), and the plugins' reports on
 * themselves ({@link dev.baton.activities.control.PluginReports}). Holds {@link
 * dev.baton.activities.control.Selector}, Baton's own implementation of the Jakarta Messaging 3.1
 * message selector language (section 3.8.1.1, a subset of SQL-92 conditional expressions), used for
 * activity filters: compiled and validated once at registration, then evaluated against a run's metadata
 * attributes instead of message properties.
 */
package dev.baton.activities.control;
