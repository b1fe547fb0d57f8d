/**
 * REST plumbing shared by every resource: the JAX-RS application, problem+json errors, role checks
 * and the request body limit.
 */
package dev.baton.infrastructure.rest;
