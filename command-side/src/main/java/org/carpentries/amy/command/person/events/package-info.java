/**
 * Facts about people. Personal data (email, gender, airport, handles, url, ORCID, occupation, affiliation, notes)
 * travels {@link org.carpentries.amy.command.person.events.Sealed}; names and teaching history do not.
 */
package org.carpentries.amy.command.person.events;
