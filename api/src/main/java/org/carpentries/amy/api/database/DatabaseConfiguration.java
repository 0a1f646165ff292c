package org.carpentries.amy.api.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    /** How long a PostgreSQL left running by an AMY that did not shut down gets to stop. */
    private static final Duration LEFTOVER_PATIENCE = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServer embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("amy");
        config.setMaximumPoolSize(properties.poolSize());
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedServer.NONE;
        }
        Path home = Path.of(properties.dataDir()).toAbsolutePath();
        Path dir = home.resolve("pg");
        DataDirectory folder = DataDirectory.take(home);
        try {
            return new EmbeddedServer(start(dir, folder, properties.embeddedPort()), folder);
        } catch (RuntimeException e) {
            try {
                folder.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static EmbeddedPostgres start(Path dir, DataDirectory folder, int port) {
        try {
            Files.createDirectories(dir);
            folder.stopLeftoverServer(dir, LEFTOVER_PATIENCE);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Spring stops it after the event processors; the library's own hook would race them.
                    .setRegisterShutdownHook(false)
                    // The library starts PostgreSQL without fsync for tests; AMY's data must survive a power cut.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** The embedded server, or none when a server was configured. */
    static final class EmbeddedServer implements AutoCloseable {
        static final EmbeddedServer NONE = new EmbeddedServer(null, null);
        private final EmbeddedPostgres postgres;
        private final DataDirectory folder;

        EmbeddedServer(EmbeddedPostgres postgres, DataDirectory folder) {
            this.postgres = postgres;
            this.folder = folder;
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } finally {
                if (folder != null) {
                    folder.close();
                }
            }
        }
    }
}
