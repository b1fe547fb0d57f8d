/**
 * Workflows: DAGs of actions (user tasks run by handlers, system actions run by the server, named
 * activities) described in Orchy's JSON format, whose runs pass each action's output on to the next.
 */
package dev.baton.workflows;
