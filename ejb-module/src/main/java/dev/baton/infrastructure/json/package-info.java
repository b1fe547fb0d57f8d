/** Strict JSON reading (with line/column on errors) and typed field access for request bodies. */
package dev.baton.infrastructure.json;
