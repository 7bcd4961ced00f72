package jp.tachiiri.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Finding;

/**
 * A tablet and a copy of it restored from a backup, which then correct the same inspection differently: how
 * two versions of one revision reach the office in real life. Real data folders, real bundles.
 */
public final class ForkedTablets {

    /** The demo facility whose inspection the tablets correct. */
    public static final String FACILITY = "桜川";
    /** The item whose note the tablets correct. */
    public static final String ITEM = "vulnerability.device-ledger";

    private ForkedTablets() {
    }

    /** Copies a closed data folder, as a backup restored on another device would be. */
    public static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    /** Deletes a closed data folder and everything in it. */
    public static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Amends the demo inspection of {@link #FACILITY} on the tablet in {@code tabletFolder}: the note of
     * {@link #ITEM} set to {@code note}, each photo attached to it; finalizes it and exports the findings
     * bundle into {@code outbox}, whose file is returned.
     */
    public static Path amendAndExport(Path tabletFolder, Path outbox, Clock clock, String note, byte[]... photos)
            throws IOException {
        try (Workspace tablet = Workspace.open(tabletFolder, clock)) {
            String id = tablet.inspections().list().stream().filter(s -> s.facilityName().contains(FACILITY)).findFirst()
                    .orElseThrow().id();
            int revision = tablet.inspections().amend(id, "訂正", "tester").revision();
            Finding finding = tablet.inspections().findings(id, revision).get(ITEM);
            tablet.inspections().record(id, finding.withNote(note), "tester");
            for (int i = 0; i < photos.length; i++) {
                Path file = Files.write(Files.createDirectories(outbox).resolve("photo-" + i + ".png"), photos[i]);
                tablet.evidence().add(id, revision, ITEM, file, "image/png", "tester");
            }
            tablet.inspections().finalizeInspection(id, "tester");
            return tablet.sync().exportFindings(outbox).orElseThrow();
        }
    }
}
