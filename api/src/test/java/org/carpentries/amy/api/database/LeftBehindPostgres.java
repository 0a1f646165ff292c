package org.carpentries.amy.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a JVM of its own by {@link DataDirectoryIT}: starts an embedded PostgreSQL on the folder given, writes a
 * row, then halts without shutting anything down, as an AMY that was killed does. Its PostgreSQL keeps running.
 */
public final class LeftBehindPostgres {

    private LeftBehindPostgres() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE left_behind (note text)");
            s.execute("INSERT INTO left_behind VALUES ('written before the kill')");
        }
        Runtime.getRuntime().halt(0);
    }
}
