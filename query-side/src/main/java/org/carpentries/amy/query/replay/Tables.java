package org.carpentries.amy.query.replay;

/** Which set of tables a projection writes: the live ones, or their {@code _rebuild} twins. */
public enum Tables {
    LIVE(""),
    REBUILD("_rebuild");

    private final String suffix;

    Tables(String suffix) {
        this.suffix = suffix;
    }

    public String of(String table) {
        return table + suffix;
    }

    /** Replaces each {@code {table}} placeholder in {@code sql} with this set's table name. */
    public String sql(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int i = 0;
        while (i < sql.length()) {
            int open = sql.indexOf('{', i);
            if (open < 0) {
                out.append(sql, i, sql.length());
                break;
            }
            int close = sql.indexOf('}', open);
            out.append(sql, i, open).append(of(sql.substring(open + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }
}
