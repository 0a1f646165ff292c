package org.carpentries.amy.command.lookup;

/** The sets whose values must be unique across all records of a kind. */
public enum UniqueKind {
    WORKSHOP_SLUG,
    WORKSHOP_URL,
    TAG_NAME,
    ORGANISATION_DOMAIN,
    ORGANISATION_FULLNAME,
    AIRPORT_IATA,
    AIRPORT_NAME,
    LESSON_NAME,
    ROLE_NAME,
    KNOWLEDGE_DOMAIN_NAME,
    BADGE_NAME,
    /** Held as a digest of the lower-cased address, never the address itself: it is personal data. */
    PERSON_EMAIL,
    PERSON_USERNAME,
    /** Digests too, for the same reason. */
    PERSON_GITHUB,
    PERSON_TWITTER
}
