/** Baton's settings, read from system properties (set them in standalone-full.xml or with -D). */
package dev.baton.infrastructure.config;
