package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppProcessTest {

    @Test
    void anUnpackedJarWritesItsClassArchiveAtItsFirstStopAndStartsFromItAfter(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("lib"));
        Path jar = Files.createFile(dir.resolve("api-0.1.0-SNAPSHOT.jar"));
        Path archive = dir.resolve("amy.jsa");

        assertThat(AppProcess.classData(jar)).contains("-XX:ArchiveClassesAtExit=" + archive);
        Files.createFile(archive);
        assertThat(AppProcess.classData(jar)).contains("-XX:SharedArchiveFile=" + archive)
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void aPackedJarStartsWithoutAnArchive(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("amy.jar"));

        assertThat(AppProcess.classData(jar)).isEmpty();
    }

    @Test
    void theResultFileRecordsTheAppSettingsARunInheritsAndNoSecret() {
        Map<String, String> environment = Map.of("AMY_READ_MODEL_TRACE", "15ms", "AMY_CDS", "false",
                "AMY_JAVA_OPTS", "-Xmx256m", "AMY_BENCH_GIT", "abc", "AMY_DB_URL", "jdbc:postgresql://elsewhere/amy",
                "AMY_DATA_DIR", "/tmp/x", "AMY_SMTP_PASSWORD", "hunter2", "AMY_SEED", "false", "PATH", "/usr/bin");

        assertThat(AppProcess.inheritedSettings(environment, Set.of("AMY_SEED"))).containsExactly(
                Map.entry("AMY_CDS", "false"), Map.entry("AMY_READ_MODEL_TRACE", "15ms"),
                Map.entry("AMY_SMTP_PASSWORD", "(set)"));
    }
}
