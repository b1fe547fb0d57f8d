/** Activity persistence: the plugins registered with each activity, keyed by (activity, plugin name). */
package dev.baton.activities.entity;
