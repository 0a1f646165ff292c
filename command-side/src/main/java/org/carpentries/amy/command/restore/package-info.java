/**
 * Restore from history: the commands that bring a record, or a tag's links across all workshops, back to its
 * state at an instant, computed from the event store and applied in one unit of work as new events.
 */
package org.carpentries.amy.command.restore;
