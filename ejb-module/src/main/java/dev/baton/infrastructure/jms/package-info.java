/** The one place that knows Baton's JMS destinations, message properties and priority mapping. */
package dev.baton.infrastructure.jms;
