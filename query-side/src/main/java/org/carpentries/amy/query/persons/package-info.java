/**
 * The persons read model: profiles with personal data unsealed at projection time (and blanked on erasure, also
 * when replayed later), qualifications and knowledge domains.
 */
package org.carpentries.amy.query.persons;
