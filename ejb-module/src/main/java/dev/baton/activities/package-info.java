/**
 * Activities: plugins that register to take part in a run, each with an optional filter over the run's
 * metadata attributes deciding whether it is invoked.
 */
package dev.baton.activities;
