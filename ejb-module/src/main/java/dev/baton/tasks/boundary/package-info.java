/**
 * Entry points into tasks: the EJB facade the REST API uses, the execution boundary the dispatch MDB
 * delegates to, JMS submission, start-up recovery and aging.
 */
package dev.baton.tasks.boundary;
