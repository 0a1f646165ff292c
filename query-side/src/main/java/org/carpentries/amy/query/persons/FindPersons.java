package org.carpentries.amy.query.persons;

/**
 * Which people to list: AMY's lookup {@code text} (personal, family, email, username; two words match personal and
 * family in either order), may-contact, archived (default: not archived), and a page (1-based).
 */
public record FindPersons(String text, Boolean mayContact, boolean archived, int page, int pageSize) {

    public FindPersons {
        page = Math.max(page, 1);
    }
}
