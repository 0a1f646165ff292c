/**
 * Where the data lives: the PostgreSQL server named by {@code AMY_DB_URL}, or an embedded one whose files stay
 * under {@code AMY_DATA_DIR}.
 */
package org.carpentries.amy.api.database;
