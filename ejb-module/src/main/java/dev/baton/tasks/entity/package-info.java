/** Task state as stored: the task, its attempts, and the status lifecycle with its transition table. */
package dev.baton.tasks.entity;
