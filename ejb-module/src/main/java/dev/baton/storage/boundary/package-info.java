/**
 * The storage facade ({@link dev.baton.storage.boundary.StorageService}): one transaction of its own per
 * call, for the REST API and for workflow scripts alike.
 */
package dev.baton.storage.boundary;
