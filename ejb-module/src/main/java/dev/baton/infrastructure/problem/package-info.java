/**
 * Client mistakes as exceptions that carry everything an RFC 9457 {@code application/problem+json}
 * answer needs: status, a stable type, the field or JSON location, and the rule broken.
 */
package dev.baton.infrastructure.problem;
