/**
 * Upcasters: older revisions of the workshop's events, as the store still holds them, read as the current ones.
 * Each has a v1 and a v2 JSON fixture in the api module's {@code src/test/resources/events}.
 */
package org.carpentries.amy.command.workshop.upcasting;
