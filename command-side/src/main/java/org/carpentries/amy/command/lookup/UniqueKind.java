package org.carpentries.amy.command.lookup;

/** The sets whose values must be unique across all records of a kind. */
public enum UniqueKind {
    WORKSHOP_SLUG,
    WORKSHOP_URL,
    TAG_NAME,
    ORGANISATION_DOMAIN,
    ORGANISATION_FULLNAME
}
