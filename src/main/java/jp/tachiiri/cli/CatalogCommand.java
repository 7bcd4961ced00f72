package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.catalog.CatalogLoader;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CheckpointSection;
import jp.tachiiri.model.MinistryItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tachiiri catalog check [FILE]}: validates the bundled catalogs or one file and summarises it;
 * {@code tachiiri catalog sources [--version V]}: the table of the ministry's items with the sources they were checked
 * against, as docs/checklist-sources.md holds it.
 */
@Command(name = "catalog", subcommands = {CatalogCommand.Check.class, CatalogCommand.Sources.class})
final class CatalogCommand {

    /**
     * One Markdown row per ministry item: its number, the ministry's wording, the catalog items that answer it, whether
     * the vendors' form carries it too, what it was checked against, when and how far. The next fiscal year's
     * checklist is compared with it row by row.
     */
    @Command(name = "sources")
    static final class Sources extends Subcommand implements Callable<Integer> {

        @Option(names = "--version", paramLabel = "VERSION", descriptionKey = "catalogVersion")
        private String version;

        @Override
        public Integer call() {
            CatalogLibrary library = CatalogLibrary.bundled();
            Catalog catalog = version == null ? library.latest() : library.version(version)
                    .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", version));
            out().print(table(catalog, messages()));
            out().flush();
            return 0;
        }

        static String table(Catalog catalog, Messages messages) {
            StringBuilder table = new StringBuilder();
            table.append(messages.get("cli.catalog.sources.header")).append('\n');
            table.append("|---|---|---|---|---|---|---|\n");
            for (MinistryItem item : catalog.ministryItems()) {
                String parts = catalog.partsOf(item).stream().map(part -> "`" + part.id() + "`")
                        .collect(Collectors.joining("<br>"));
                table.append(String.join(" | ", "| " + item.label(), cell(item.wording().ja()), parts,
                        messages.get("cli.catalog.sources.onVendorForm." + item.onVendorForm()), cell(item.checkedAgainst()), item.checkedOn().toString(),
                        messages.get("cli.catalog.sources.verification." + item.verification().id()) + " |")).append('\n');
            }
            return table.toString();
        }

        /** Text in a table cell: a pipe would end the cell. */
        private static String cell(String text) {
            return text.replace("|", "\\|");
        }
    }

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
