package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.catalog.CatalogLoader;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CheckpointSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tachiiri catalog check [FILE]}: validates the bundled catalogs or one file and summarises it. */
@Command(name = "catalog", subcommands = CatalogCommand.Check.class)
final class CatalogCommand {

    @Command(name = "check")
    static final class Check extends Subcommand implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "FILE", descriptionKey = "catalogFile")
        private Path file;

        @Override
        public Integer call() {
            List<Catalog> catalogs = file == null ? CatalogLibrary.bundled().all() : List.of(new CatalogLoader().load(file));
            catalogs.forEach(this::summarise);
            return 0;
        }

        private void summarise(Catalog catalog) {
            Messages messages = messages();
            out().println(messages.get("cli.catalog.summary", catalog.version(), catalog.title().in(messages.language()),
                    catalog.sections().size(), catalog.items().size()));
            out().println(messages.get("cli.catalog.gate", catalog.gate().title().in(messages.language())));
            for (CheckpointSection section : catalog.sections()) {
                out().println(messages.get("cli.catalog.checkpoint", section.checkpoint().id(),
                        section.title().in(messages.language()), section.items().size()));
            }
        }
    }
}
