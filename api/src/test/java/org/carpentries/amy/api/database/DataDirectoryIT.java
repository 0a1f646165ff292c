package org.carpentries.amy.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL's folder: one AMY at a time, and a server left running by a killed AMY is stopped. */
class DataDirectoryIT {

    @TempDir
    Path home;

    /** A failed test leaves no server behind. */
    @AfterEach
    void stopWhatIsLeft() throws Exception {
        var left = DataDirectory.leftoverServer(home.resolve("pg"));
        if (left.isPresent()) {
            left.get().destroy();
            left.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    private DatabaseProperties embeddedIn(Path dir) {
        return new DatabaseProperties("", null, null, dir.toString(), 0, 2);
    }

    @Test
    void aServerLeftRunningByAKilledAmyIsStoppedAndItsDataKept() throws Exception {
        Path pg = home.resolve("pg");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeftBehindPostgres.class.getName(), pg.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("killed.log").toFile()).start();
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).as(Files.readString(home.resolve("killed.log"))).isZero();
        ProcessHandle leftover = DataDirectory.leftoverServer(pg).orElseThrow();
        assertThat(leftover.isAlive()).isTrue();

        try (DatabaseConfiguration.EmbeddedServer server = new DatabaseConfiguration().embeddedServer(embeddedIn(home));
             Connection c = DriverManager.getConnection(server.jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT note FROM left_behind")) {
            assertThat(leftover.isAlive()).isFalse();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the kill");
        }
        assertThat(DataDirectory.leftoverServer(pg)).isEmpty();
    }

    @Test
    void aSecondAmyOnTheSameFolderIsRefusedAndTouchesNothing() throws IOException {
        DataDirectory first = DataDirectory.take(home);
        try {
            assertThatThrownBy(() -> new DatabaseConfiguration().embeddedServer(embeddedIn(home)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another AMY is running with its data in " + home.toAbsolutePath());
            assertThat(home.resolve("pg")).doesNotExist();
        } finally {
            first.close();
        }
        DataDirectory.take(home).close();
    }

    @Test
    void aStaleServerFileNamingAnotherProcessIsLeftAlone() throws IOException {
        Path pg = Files.createDirectories(home.resolve("pg"));
        Files.writeString(pg.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + pg + "\n");
        assertThat(DataDirectory.leftoverServer(pg)).isEmpty();
        Files.writeString(pg.resolve("postmaster.pid"), "not a number\n");
        assertThat(DataDirectory.leftoverServer(pg)).isEmpty();
    }
}
