/**
 * People: profiles, usernames as AMY made them, qualifications and knowledge domains, archiving, and erasure of
 * personal data by deleting the person's key.
 */
package org.carpentries.amy.command.person;
