/**
 * The benchmark harness behind {@code ops/bench}: starts the packaged app once per event-store engine on a fresh
 * embedded PostgreSQL, drives a seeded workload over HTTP, times read-model rebuilds, and measures what the same
 * PostgreSQL can do raw, so every figure stands next to its limit.
 */
package org.carpentries.amy.ops.bench;
