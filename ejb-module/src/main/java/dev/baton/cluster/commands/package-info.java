/** The built-in cluster commands every node answers: drain, resume, cancel-task, reload-workspace, ping. */
package dev.baton.cluster.commands;
