/** Activity persistence: the plugins registered with each activity, keyed by (activity, plugin name), and activity runs with their frozen plan (one {@link dev.baton.activities.entity.ActivityPluginRun} per plugin). */
package dev.baton.activities.entity;
