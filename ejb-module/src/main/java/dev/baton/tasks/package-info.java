/** Tasks: durable, prioritized units of work with retries, split into children and merged. */
package dev.baton.tasks;
