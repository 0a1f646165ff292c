package org.carpentries.amy.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test databases: one embedded PostgreSQL per test JVM, or the server named by {@code AMY_TEST_DB_URL}; each
 * Spring context gets a database of its own.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A new, empty database; answers its JDBC URL. */
    public static synchronized String create(String label) {
        String name = "amy_it_" + label + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(serverUrl("postgres"), user(), password());
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return serverUrl(name);
    }

    public static String user() {
        String user = System.getenv("AMY_TEST_DB_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    public static String password() {
        String password = System.getenv("AMY_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    private static String serverUrl(String database) {
        String given = System.getenv("AMY_TEST_DB_URL");
        if (given != null && !given.isBlank()) {
            int slash = given.indexOf('/', "jdbc:postgresql://".length());
            int query = given.indexOf('?', slash);
            return given.substring(0, slash + 1) + database + (query < 0 ? "" : given.substring(query));
        }
        return "jdbc:postgresql://localhost:" + embedded().getPort() + "/" + database;
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return embedded;
    }
}
