package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.query.replay.RebuildProgress;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a read model writes commits without waiting for the disk, live or rebuilt: a processor's transaction as it
 * stores its token, a rebuild's batches as they start, set {@code synchronous_commit} off (docs/architecture.md). A
 * trigger deferred to the commit records, for each row written, the setting the transaction commits with and where
 * it came from (the tests' server may have it off already).
 */
class ReadModelCommitsIT extends FreshDatabaseIT {

    @Autowired
    ReadModels readModels;

    @Test
    void processorsAndRebuildsWriteTheirRowsInTransactionsThatDoNotWaitForTheDisk() {
        jdbc.execute("CREATE TABLE commit_setting_seen (table_name text, setting text)");
        jdbc.execute("""
                CREATE FUNCTION record_commit_setting() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO commit_setting_seen
                    SELECT TG_TABLE_NAME, setting || ' from ' || source FROM pg_settings
                     WHERE name = 'synchronous_commit';
                  RETURN NULL;
                END $$""");
        for (String table : List.of("tag_view", "tag_view_rebuild")) {
            jdbc.execute("CREATE CONSTRAINT TRIGGER " + table + "_commit_setting AFTER INSERT OR UPDATE ON " + table
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION record_commit_setting()");
        }
        try {
            assertThat(api.post("/api/tags", Fixtures.tag("SWC")).status()).isEqualTo(201);
            RebuildProgress rebuilt = readModels.runNow("tags", false, Duration.ofSeconds(60));
            assertThat(rebuilt.state()).isEqualTo("done");

            assertThat(jdbc.queryForList("SELECT DISTINCT table_name FROM commit_setting_seen ORDER BY 1",
                    String.class)).containsExactly("tag_view", "tag_view_rebuild");
            assertThat(jdbc.queryForList("SELECT DISTINCT setting FROM commit_setting_seen", String.class))
                    .containsExactly("off from session");
        } finally {
            jdbc.execute("DROP FUNCTION record_commit_setting() CASCADE");
            jdbc.execute("DROP TABLE commit_setting_seen");
        }
    }
}
