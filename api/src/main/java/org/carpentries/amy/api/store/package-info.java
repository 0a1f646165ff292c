/**
 * The event store: Axon's JPA storage engine on PostgreSQL, JSON payloads in {@code bytea}, and the metadata every
 * event carries.
 */
package org.carpentries.amy.api.store;
