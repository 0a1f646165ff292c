/**
 * The history of one record, read from the event store itself: each event with who, when, why and the fields it
 * changed, old and new values side by side.
 */
package org.carpentries.amy.query.history;
