/**
 * The audit log: every domain event of every record as one row (who, when, which record, what changed from what to
 * what, in which request), kept by a projection and queried by time window, actor, record, event type or request.
 */
package org.carpentries.amy.query.audit;
