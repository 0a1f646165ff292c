package org.carpentries.amy.query.peopleexports;

/** AMY's {@code Person.get_full_name()}: personal, then middle when there is one, then family, space-separated. */
final class FullName {

    private FullName() {
    }

    static String of(String personal, String middle, String family) {
        return personal + (middle == null ? "" : " " + middle) + " " + family;
    }
}
