package jp.tachiiri.cli;

import java.io.PrintWriter;
import jp.tachiiri.i18n.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the root command's options and the output streams. */
abstract class Subcommand {

    @Spec
    CommandSpec spec;

    TachiiriCommand root() {
        return (TachiiriCommand) spec.root().userObject();
    }

    Messages messages() {
        return root().messages();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
