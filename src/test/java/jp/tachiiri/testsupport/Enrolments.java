package jp.tachiiri.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.sync.ImportOutcome;

/**
 * Enrolments as the app makes them, through real enrolment files: {@code receiver} imports {@code sender}'s with
 * --trust-new-devices, as a person who compared the fingerprint would accept it. A tablet needs its office's to seal
 * findings to it, an office a tablet's to seal assignments to it.
 */
public final class Enrolments {

    private Enrolments() {
    }

    /** {@code receiver} enrols {@code sender} (an office its tablet, a tablet its office), unless it has already. */
    public static void enrol(Workspace receiver, Workspace sender) {
        try {
            Path folder = Files.createTempDirectory("tachiiri-enrolment");
            ImportOutcome outcome = receiver.sync().importFile(sender.sync().exportEnrolment(folder), true);
            assertThat(outcome.result()).as("%s", outcome.problem())
                    .isIn(ImportOutcome.Result.IMPORTED, ImportOutcome.Result.ALREADY_IMPORTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tablet enrols the office of the data folder {@code officeFolder} (set up as an office if new). */
    public static void officeKnownTo(Workspace tablet, Path officeFolder) {
        try (Workspace office = Offices.open(officeFolder, Clock.systemUTC())) {
            enrol(tablet, office);
        }
    }

    /** The office and the tablet enrol each other, as after comparing fingerprints on both screens. */
    public static void pair(Workspace office, Workspace tablet) {
        enrol(office, tablet);
        enrol(tablet, office);
    }
}
