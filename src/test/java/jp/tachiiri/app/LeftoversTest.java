package jp.tachiiri.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.tachiiri.model.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a data folder clears what a killed process left half-done, and nothing else. */
class LeftoversTest {

    @TempDir
    Path data;

    @Test
    void oldTemporaryFilesGoAndRecentOnesAndStoredEvidenceStay() throws Exception {
        Evidence stored;
        try (Workspace workspace = Workspace.open(data, Clock.systemUTC())) {
            workspace.demo().seed();
            String id = workspace.inspections().list().stream().filter(summary -> summary.status().name().equals("IN_PROGRESS"))
                    .findFirst().orElseThrow().id();
            Path photo = Files.write(data.resolve("photo.jpg"), new byte[] {1, 2, 3});
            stored = workspace.evidence().add(id, 1, workspace.inspections().findings(id, 1).keySet().iterator().next(),
                    photo, "image/jpeg", "tester");
        }
        Path evidence = data.resolve("evidence");
        Path oldCopy = aged(Files.write(evidence.resolve(".tachiiri-1.part"), new byte[1024]), Duration.ofHours(2));
        Path recentCopy = Files.write(evidence.resolve(".tachiiri-2.part"), new byte[1024]);
        Path olderVersionsCopy = aged(Files.write(evidence.resolve("incoming-7.tmp"), new byte[1024]), Duration.ofHours(2));
        Path oldStaging = aged(Files.createDirectories(data.resolve("incoming").resolve("a-killed-import")), Duration.ofDays(1));
        Files.write(oldStaging.resolve("attachment"), new byte[10]);
        aged(oldStaging, Duration.ofDays(1));

        try (Workspace workspace = Workspace.open(data, Clock.systemUTC())) {
            assertThat(oldCopy).doesNotExist();
            assertThat(olderVersionsCopy).as("named as versions before AtomicFile named them").doesNotExist();
            assertThat(oldStaging).doesNotExist();
            assertThat(recentCopy).as("maybe another process's copy in progress").exists();
            assertThat(Files.readAllBytes(workspace.evidence().file(stored))).containsExactly(1, 2, 3);
        }
    }

    private static Path aged(Path path, Duration age) throws Exception {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
        return path;
    }
}
