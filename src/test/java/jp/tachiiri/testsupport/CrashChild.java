package jp.tachiiri.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.Sha256;
import jp.tachiiri.model.Role;

/**
 * The process {@link CrashHarness} kills: it starts as the app does (opening, and on the first start seeding,
 * the data folder) and then records the steps of the {@link CrashScript} one after the other, saying on standard
 * output what it does. "saved n" is printed only after the product's call for step n has returned, that is after
 * its transaction committed; a step that wrote a file says first which, with the SHA-256 of its bytes ("wrote n
 * PATH SHA256", the path relative to the data folder), and a step that sent a finalized inspection to the office
 * names it once the office has imported it ("sent n INSPECTION").
 *
 * <p>Arguments: the harness's work folder, the script's seed, the first step, and optionally the step to stop
 * before (without it the child records until it is killed).
 */
public final class CrashChild {

    static final String READY = "ready";
    static final String BEGIN = "begin ";
    static final String SAVED = "saved ";
    static final String WROTE = "wrote ";
    static final String SENT = "sent ";

    private CrashChild() {
    }

    public static void main(String[] arguments) throws Exception {
        Path work = Path.of(arguments[0]);
        CrashScript script = CrashScript.of(Long.parseLong(arguments[1]));
        long from = Long.parseLong(arguments[2]);
        long until = arguments.length > 3 ? Long.parseLong(arguments[3]) : Long.MAX_VALUE;
        Path scratch = Files.createDirectories(work.resolve("scratch"));
        try (Workspace workspace = Workspace.open(CrashHarness.storeFolder(work), Clock.systemUTC());
             Workspace office = Workspace.open(CrashHarness.officeFolder(work), Clock.systemUTC())) {
            // What the app does on its first start in a data folder, once the inspector's role is chosen.
            if (workspace.settings().role().isEmpty()) {
                workspace.demo().chooseRole(Role.INSPECTOR);
            }
            List<String> inspectionIds = CrashScript.setUp(workspace);
            CrashScript.enrol(workspace, office, CrashHarness.dataRoot(work).resolve("cards"));
            say(READY);
            for (long step = from; step < until; step++) {
                say(BEGIN + step);
                CrashScript.Done done = script.perform(workspace, office, inspectionIds, script.step(step), scratch);
                if (done.file().isPresent()) {
                    Path file = done.file().get();
                    say(WROTE + step + " " + workspace.folder().relativize(file) + " " + Sha256.hex(Files.readAllBytes(file)));
                }
                if (done.sent().isPresent()) {
                    say(SENT + step + " " + done.sent().get());
                }
                say(SAVED + step);
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
