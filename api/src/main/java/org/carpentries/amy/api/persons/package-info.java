/**
 * The persons resource: register, read, list, edit, archive, erase personal data, history, and the download of
 * everything held about a person.
 */
package org.carpentries.amy.api.persons;
