package org.carpentries.amy.api.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Database settings. An empty {@code url} starts the embedded PostgreSQL with its files under {@code dataDir}.
 */
@ConfigurationProperties("amy.db")
public record DatabaseProperties(String url, String user, String password, String dataDir, int embeddedPort,
                                 int poolSize) {

    public DatabaseProperties {
        url = url == null ? "" : url.trim();
        dataDir = dataDir == null || dataDir.isBlank() ? ".amy" : dataDir;
        poolSize = poolSize <= 0 ? 10 : poolSize;
    }

    boolean embedded() {
        return url.isEmpty();
    }
}
