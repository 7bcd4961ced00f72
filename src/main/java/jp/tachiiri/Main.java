package jp.tachiiri;

import jp.tachiiri.cli.CommandLineRunner;
import jp.tachiiri.ui.TachiiriApp;

/**
 * The one entry point: {@code tachiiri} opens the app, {@code tachiiri COMMAND …} runs a command headless.
 * It does not extend Application, so the jar runs with JavaFX on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = CommandLineRunner.run(args, TachiiriApp::launch, System.out, System.err);
        System.exit(exitCode);
    }
}
