package jp.tachiiri.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.dashboard.Dashboard;
import jp.tachiiri.dashboard.YearCheckpoints;
import jp.tachiiri.dashboard.YearFigures;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.review.ReviewFilter;
import jp.tachiiri.review.ReviewRow;
import jp.tachiiri.review.ReviewService;
import jp.tachiiri.review.ReviewStatus;
import jp.tachiiri.store.NationalOfficeStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The office at national scale: on a generated store of 40,000 received inspections ({@link NationalOfficeStore}:
 * five fiscal years of the whole country), the review list and the dashboard through the product's own path, each
 * against the floor: the same SQL statements run by the {@code sqlite3} command-line shell on the same file in the
 * same run ({@code sqlite3 -bail FILE < statements.sql}, output to /dev/null).
 *
 * <p><b>The same SQL.</b> The statements are not copied from src/main: before the measurements, one call of each
 * piece of work runs on a workspace whose JDBC connection is wrapped (a driver registered ahead of sqlite-jdbc's for
 * the length of that call), which records every query the product prepares, the values it binds and how many rows
 * each returned. The shell's script is made of exactly those statements, each with its values bound through the
 * shell's {@code .parameter set ?N} (bound parameters, as the product's, not literals spliced in). The shell's output
 * must have as many lines as the product's queries returned rows, or the benchmark fails. So the floor cannot drift
 * from the product's SQL. The timed product side runs on a workspace opened normally, without the wrapper.
 *
 * <p><b>A second floor, same engine.</b> The shell of the machine may be an older SQLite than the one sqlite-jdbc
 * bundles (Debian 12: 3.40.1 against 3.53.4), and an older query planner can be much slower on the same SQL. So each
 * piece of work is also compared with the same recorded statements run through one plain JDBC connection on the
 * product's own SQLite build ({@link JdbcFloor}): that ratio is the product's own overhead.
 *
 * <p><b>What is timed.</b> Ours: the call of the product's service on a workspace opened once beforehand (as the app
 * keeps it open), so the SQLite connection is warm. The floor: the whole child process, its start-up and exit
 * included, from start to exit (measured separately too and reported in the notes: a few milliseconds).
 *
 * <p>Not part of the normal test run: {@code mvn -o -Pbench verify -Dtest=OfficeBenchmark}. Skipped, with a message,
 * where no {@code sqlite3} shell is found (on the PATH, or given with {@code -Dbench.sqlite3=/path/to/sqlite3}).
 *
 * <p>Properties: {@code bench.office.inspections} (40000), {@code bench.office.runs} (measured rounds, 5),
 * {@code bench.office.warmups} (2), {@code bench.sqlite3}.
 */
class OfficeBenchmark {

    private static final long SEED = 20_251_130L;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final int YEAR = NationalOfficeStore.FIRST_FISCAL_YEAR + NationalOfficeStore.FISCAL_YEARS - 1;
    private static final List<Integer> YEARS = IntStream.range(0, NationalOfficeStore.FISCAL_YEARS)
            .mapToObj(i -> NationalOfficeStore.FIRST_FISCAL_YEAR + i).toList();
    /** A supervisor's usual view: this fiscal year's inspections nobody has opened yet. */
    private static final ReviewFilter TYPICAL = new ReviewFilter(Optional.of(new FiscalYear(YEAR)), Optional.of(ReviewStatus.RECEIVED),
            Optional.empty(), Optional.empty(), "", "");

    @Test
    void reviewListAndDashboardOnANationalStore() throws Exception {
        Optional<Path> shell = sqliteShell();
        if (shell.isEmpty()) {
            Bench.log("SKIPPED OfficeBenchmark: no sqlite3 command-line shell on the PATH (install it, e.g. "
                    + "`apt-get install sqlite3`, or name it with -Dbench.sqlite3=/path/to/sqlite3)");
        }
        Assumptions.assumeTrue(shell.isPresent(), "no sqlite3 command-line shell: the office benchmark needs it as its floor");
        int inspections = Bench.intProperty("bench.office.inspections", 40_000);
        int runs = Bench.intProperty("bench.office.runs", 5);
        int warmups = Bench.intProperty("bench.office.warmups", 2);
        Path work = Bench.workFolder("office");

        NationalOfficeStore.Generated store = NationalOfficeStore.create(work.resolve("office"), inspections, SEED);
        Path database = store.database();
        Bench.note("Office store: %,d inspections (%,d revisions, %,d findings) of FY%d–FY%d, %,d facilities, %.0f MB; "
                        + "generated in %.1f s.", store.inspections(), store.revisions(), store.findings(), YEARS.get(0),
                YEARS.get(YEARS.size() - 1), store.facilities(), Files.size(database) / 1e6, store.seconds());
        Bench.note("SQLite: the product's %s (sqlite-jdbc); the floor's shell %s, %s.", jdbcSqliteVersion(database),
                shell.get(), shellVersion(shell.get()));

        // The statements the product runs for each piece of work, recorded from its own JDBC calls.
        Captured review = capture("review", store.folder(), office -> office.review().rows());
        Captured year = capture("dashboard-year", store.folder(), office -> office.dashboard().year(YEAR));
        Captured byYear = capture("dashboard-by-year", store.folder(), office -> office.dashboard().checkpointsByYear(YEARS));
        // Kept after the run (the store is deleted), to read or to run by hand: sqlite3 FILE < review.sql
        Path scripts = Bench.outputFolder().resolve("office-sql");
        Bench.deleteTree(scripts);
        Files.createDirectories(scripts);
        Path reviewSql = review.script(scripts.resolve("review.sql"));
        Path yearSql = year.script(scripts.resolve("dashboard-year.sql"));
        Path byYearSql = byYear.script(scripts.resolve("dashboard-by-year.sql"));
        for (Captured each : List.of(review, year, byYear)) {
            Path script = scripts.resolve(each.name() + ".sql");
            Path output = scripts.resolve(each.name() + ".out");
            runShell(shell.get(), database, script, output);
            long lines;
            try (var stream = Files.lines(output, StandardCharsets.UTF_8)) {
                lines = stream.count();
            }
            assertThat(lines).as("the shell's output lines for %s equal the rows the product's queries returned", each.name())
                    .isEqualTo(each.rows());
            Files.delete(output);
            Bench.note("%s: %d statements, %,d rows; the shell returns the same number of rows. Script: %s", each.name(),
                    each.statements().size(), each.rows(), script);
        }
        double startUp = shellStartUp(shell.get(), database, scripts.resolve("empty.sql"));
        Bench.note("sqlite3 start-up and exit with an empty script on this file: %.1f ms (median of 15), included in every "
                + "floor figure.", startUp * 1000);

        try (Workspace office = Workspace.open(store.folder(), CLOCK); JdbcFloor jdbc = new JdbcFloor(database)) {
            ReviewService reviews = office.review();
            Dashboard dashboard = office.dashboard();
            long typical = store.newest().stream()
                    .filter(inspection -> inspection.fiscalYear() == YEAR && inspection.status() == ReviewStatus.RECEIVED).count();
            Bench.Timed reviewList = round -> {
                Bench.Measured<Long> measured = Bench.time(() -> {
                    List<ReviewRow> rows = reviews.rows();
                    return rows.stream().filter(reviews.matcher(TYPICAL)).count();
                });
                assertThat(measured.result()).isEqualTo(typical);
                return measured.sample();
            };
            Bench.Timed oneYear = round -> {
                Bench.Measured<YearFigures> measured = Bench.time(() -> dashboard.year(YEAR));
                assertThat(measured.result().inspections()).isEqualTo(store.newest().stream()
                        .filter(inspection -> inspection.fiscalYear() == YEAR).count());
                return measured.sample();
            };
            Bench.Timed fiveYears = round -> {
                Bench.Measured<List<YearCheckpoints>> measured = Bench.time(() -> dashboard.checkpointsByYear(YEARS));
                assertThat(measured.result().stream().mapToInt(YearCheckpoints::inspections).sum()).isEqualTo(inspections);
                return measured.sample();
            };
            String reviewWork = String.format("`review().rows()` of %,d inspections, then the filter FY%d + RECEIVED",
                    inspections, YEAR);
            String yearWork = String.format("`dashboard().year(%d)`: counts, per checkpoint and per item, by band", YEAR);
            String yearsWork = String.format("`dashboard().checkpointsByYear(%d–%d)`", YEARS.get(0), YEARS.get(YEARS.size() - 1));
            // The floor the product issue names: the sqlite3 shell, a new process per round.
            Bench.compare("review list vs sqlite3 shell", reviewWork, warmups, runs, reviewList,
                    round -> floor(shell.get(), database, reviewSql));
            Bench.compare("dashboard, one year vs sqlite3 shell", yearWork, warmups, runs, oneYear,
                    round -> floor(shell.get(), database, yearSql));
            Bench.compare("dashboard, five years vs sqlite3 shell", yearsWork, warmups, runs, fiveYears,
                    round -> floor(shell.get(), database, byYearSql));
            // The same statements on the product's own SQLite build: tells the product's overhead from the engines'.
            Bench.compare("review list vs plain JDBC", reviewWork, warmups, runs, reviewList, round -> jdbc.run(review));
            Bench.compare("dashboard, one year vs plain JDBC", yearWork, warmups, runs, oneYear, round -> jdbc.run(year));
            Bench.compare("dashboard, five years vs plain JDBC", yearsWork, warmups, runs, fiveYears, round -> jdbc.run(byYear));
            filterNotes(reviews);
        }
        Bench.deleteTree(work);
    }

    /** How long the filters alone take on the loaded list (not part of any ratio: the floor has no filter). */
    private static void filterNotes(ReviewService reviews) {
        List<ReviewRow> rows = reviews.rows();
        Map<String, ReviewFilter> filters = new TreeMap<>(Map.of(
                "a: FY + RECEIVED", TYPICAL,
                "b: 不適合 in backup", new ReviewFilter(Optional.empty(), Optional.empty(), Optional.of(Checkpoint.BACKUP),
                        Optional.empty(), "", ""),
                "c: free text 桜川", new ReviewFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        "", "桜川")));
        List<String> parts = new ArrayList<>();
        filters.forEach((name, filter) -> {
            List<Double> times = new ArrayList<>();
            long count = 0;
            for (int i = 0; i < 7; i++) {
                long start = System.nanoTime();
                count = rows.stream().filter(reviews.matcher(filter)).count();
                times.add((System.nanoTime() - start) / 1e6);
            }
            parts.add(String.format("%s %.1f ms (%,d rows)", name, Bench.median(times.subList(2, times.size())), count));
        });
        Bench.note("The review list's filters alone over the %,d loaded rows (median of 5 after 2 warm-ups): %s.", rows.size(),
                String.join("; ", parts));
    }

    /**
     * The second floor: the same recorded statements through one plain JDBC connection (opened beforehand, as the
     * product's is) on the product's own SQLite build (sqlite-jdbc): prepare, bind the same values, step through every
     * row and read every column as text, as the shell prints it. No objects are made from the rows.
     */
    private static final class JdbcFloor implements AutoCloseable {
        private final Connection connection;

        JdbcFloor(Path database) throws SQLException {
            connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        }

        Bench.Sample run(Captured captured) throws Exception {
            Bench.Measured<Long> measured = Bench.time(() -> {
                long rows = 0;
                for (Query query : captured.statements()) {
                    try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                        for (Map.Entry<Integer, Object> value : query.values().entrySet()) {
                            statement.setObject(value.getKey(), value.getValue());
                        }
                        try (ResultSet result = statement.executeQuery()) {
                            int columns = result.getMetaData().getColumnCount();
                            while (result.next()) {
                                for (int column = 1; column <= columns; column++) {
                                    result.getString(column);
                                }
                                rows++;
                            }
                        }
                    }
                }
                return rows;
            });
            assertThat(measured.result()).as("rows of %s", captured.name()).isEqualTo(captured.rows());
            return measured.sample();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static Bench.Sample floor(Path shell, Path database, Path script) throws Exception {
        return Bench.timeWithChildren(() -> {
            runShell(shell, database, script, null);
            return null;
        }).sample();
    }

    /** Runs {@code sqlite3 -bail DATABASE < script}; output to {@code output}, or discarded when it is null. */
    private static void runShell(Path shell, Path database, Path script, Path output) throws IOException, InterruptedException {
        Path errors = script.resolveSibling(script.getFileName() + ".err");
        ProcessBuilder builder = new ProcessBuilder(shell.toString(), "-bail", database.toString())
                .redirectInput(script.toFile())
                .redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()))
                .redirectError(errors.toFile());
        int exit = builder.start().waitFor();
        String error = Files.readString(errors);
        if (exit != 0 || !error.isBlank()) {
            throw new IllegalStateException("sqlite3 failed on " + script + " (exit " + exit + "): " + error);
        }
        Files.delete(errors);
    }

    private static double shellStartUp(Path shell, Path database, Path empty) throws Exception {
        Files.writeString(empty, "");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            runShell(shell, database, empty, null);
            times.add((System.nanoTime() - start) / 1e9);
        }
        return Bench.median(times);
    }

    private static Optional<Path> sqliteShell() {
        String given = System.getProperty("bench.sqlite3", "");
        if (!given.isBlank()) {
            Path path = Path.of(given.strip());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isBlank() && Files.isExecutable(Path.of(folder, "sqlite3"))) {
                return Optional.of(Path.of(folder, "sqlite3"));
            }
        }
        return Optional.empty();
    }

    private static String shellVersion(Path shell) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(shell.toString(), "--version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        String[] parts = version.split("\\s+");
        return "SQLite " + parts[0] + (parts.length > 1 ? " (" + parts[1] + ")" : "");
    }

    private static String jdbcSqliteVersion(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sqlite_version()")) {
            rows.next();
            return "SQLite " + rows.getString(1);
        }
    }

    // ---- Recording the product's SQL ----

    /** Work done on an opened workspace. */
    @FunctionalInterface
    private interface OnWorkspace {
        Object run(Workspace office) throws Exception;
    }

    /** One query as the product ran it: its text, the values bound (by position) and how many rows it returned. */
    private record Query(String sql, Map<Integer, Object> values, long[] rows) {
    }

    /** The queries of one piece of work. */
    private record Captured(String name, List<Query> statements) {

        long rows() {
            return statements.stream().mapToLong(query -> query.rows()[0]).sum();
        }

        /** Writes the shell's script: per statement, its values bound as parameters ?1, ?2, … and the statement. */
        Path script(Path file) throws IOException {
            StringBuilder out = new StringBuilder();
            out.append("-- The SQL the product ran for ").append(name)
                    .append(", recorded from its JDBC calls by OfficeBenchmark; parameters bound as the product binds them.\n");
            for (Query query : statements) {
                out.append(".parameter clear\n");
                for (Map.Entry<Integer, Object> value : query.values().entrySet()) {
                    out.append(".parameter set ?").append(value.getKey()).append(" \"").append(literal(value.getValue()))
                            .append("\"\n");
                }
                out.append(query.sql().strip()).append("\n;\n");
            }
            Files.writeString(file, out.toString());
            return file;
        }

        private static String literal(Object value) {
            if (value == null) {
                return "NULL";
            }
            if (value instanceof Integer || value instanceof Long) {
                return value.toString();
            }
            String text = value.toString();
            // Inside the shell's double-quoted argument: no double quote and no backslash, or it would be mangled.
            if (!(value instanceof String) || text.contains("\"") || text.contains("\\")) {
                throw new IllegalArgumentException("cannot pass this value to the sqlite3 shell: " + value);
            }
            return "'" + text.replace("'", "''") + "'";
        }
    }

    /**
     * Opens a workspace on {@code folder} through a JDBC driver that wraps sqlite-jdbc's, runs {@code work} once and
     * returns the queries it ran. The wrapper is registered ahead of sqlite-jdbc's driver and removed afterwards.
     */
    private static Captured capture(String name, Path folder, OnWorkspace work) throws Exception {
        Driver sqlite = DriverManager.getDriver("jdbc:sqlite:");
        Recorder recorder = new Recorder(sqlite);
        DriverManager.deregisterDriver(sqlite);
        DriverManager.registerDriver(recorder);
        DriverManager.registerDriver(sqlite);
        try (Workspace office = Workspace.open(folder, CLOCK)) {
            recorder.recording = true;
            work.run(office);
            recorder.recording = false;
        } finally {
            DriverManager.deregisterDriver(recorder);
        }
        assertThat(recorder.queries).as("queries recorded").isNotEmpty();
        return new Captured(name, List.copyOf(recorder.queries));
    }

    /** A driver that hands out sqlite-jdbc's connections wrapped so that the queries run on them are recorded. */
    private static final class Recorder implements Driver {
        private final Driver sqlite;
        private final List<Query> queries = new ArrayList<>();
        private volatile boolean recording;

        Recorder(Driver sqlite) {
            this.sqlite = sqlite;
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            Connection connection = sqlite.connect(url, info);
            return connection == null ? null : wrap(Connection.class, connection, (real, method, arguments) -> {
                Object made = method.invoke(real, arguments);
                if (method.getName().equals("prepareStatement") && arguments != null && arguments[0] instanceof String sql) {
                    return statement(PreparedStatement.class, (PreparedStatement) made, sql);
                }
                if (method.getName().equals("createStatement")) {
                    return statement(Statement.class, (Statement) made, null);
                }
                return made;
            });
        }

        /** Records the values bound and, at executeQuery, the query; counts the rows read from its result. */
        private <S extends Statement> S statement(Class<S> type, S real, String preparedSql) {
            Map<Integer, Object> values = new TreeMap<>();
            return wrap(type, real, (target, method, arguments) -> {
                String name = method.getName();
                if (name.startsWith("set") && arguments != null && arguments.length >= 2 && arguments[0] instanceof Integer index) {
                    values.put(index, arguments[1]);
                } else if (name.equals("clearParameters")) {
                    values.clear();
                }
                Object made = method.invoke(target, arguments);
                if (name.equals("executeQuery") && recording) {
                    String sql = preparedSql != null ? preparedSql : (String) arguments[0];
                    long[] rows = {0};
                    queries.add(new Query(sql, Collections.unmodifiableMap(new TreeMap<>(values)), rows));
                    return wrap(ResultSet.class, (ResultSet) made, (result, call, callArguments) -> {
                        Object value = call.invoke(result, callArguments);
                        if (call.getName().equals("next") && Boolean.TRUE.equals(value)) {
                            rows[0]++;
                        }
                        return value;
                    });
                }
                if (name.startsWith("execute") && recording && !name.equals("executeQuery")) {
                    throw new IllegalStateException("the recorded work ran " + name + ": only queries are expected");
                }
                return made;
            });
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return sqlite.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return sqlite.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return sqlite.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return sqlite.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return sqlite.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return sqlite.getParentLogger();
        }
    }

    /** A call on the wrapped object: the handler invokes {@code method} on {@code real} itself. */
    @FunctionalInterface
    private interface Call {
        Object invoke(Object real, Method method, Object[] arguments) throws Throwable;
    }

    private static <T> T wrap(Class<T> type, T real, Call call) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return call.invoke(real, method, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(OfficeBenchmark.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
