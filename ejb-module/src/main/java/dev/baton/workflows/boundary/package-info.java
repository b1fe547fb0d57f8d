/**
 * Entry points of the workflow engine: the EJB facade the REST resources call, and the message-driven
 * beans that consume workflow signals ({@code baton.workflow}) and external events ({@code baton.events}).
 */
package dev.baton.workflows.boundary;
