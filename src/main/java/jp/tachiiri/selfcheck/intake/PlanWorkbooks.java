package jp.tachiiri.selfcheck.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.workbook.FilledWorkbook;
import jp.tachiiri.workbook.SelfCheckWorkbookReader;
import jp.tachiiri.workbook.SelfCheckWorkbookWriter;
import jp.tachiiri.workbook.WorkbookRequest;

/**
 * The office's workbooks going out and coming back as files: the workbooks of a plan, or of every plan of a period
 * (one folder per plan), written for the hospitals; and filled ones read back, one outcome per file, a refused file
 * never stopping the others; and, on the tablet, one handed over at the inspection. The commands and the screens work
 * through it.
 */
public final class PlanWorkbooks {

    private static final Logger LOG = Logger.getLogger(PlanWorkbooks.class.getName());

    private final SelfCheckImport selfChecks;
    private final InspectionFill inspections;
    private final Clock clock;

    public PlanWorkbooks(SelfCheckImport selfChecks, InspectionFill inspections, Clock clock) {
        this.selfChecks = selfChecks;
        this.inspections = inspections;
        this.clock = clock;
    }

    /** Writes the hospital's and each vendor contract's workbook of one plan into {@code folder}; returns the files. */
    public List<Path> write(String planId, Path folder) {
        WorkbookRequest request = selfChecks.request(planId)
                .orElseThrow(() -> new UserFacingException("planning.error.notFound", planId));
        return write(request, folder);
    }

    /**
     * Writes the workbooks of every plan from {@code from} to {@code to} into {@code folder}, each plan's in a folder
     * of its own named by day, facility code and plan ("2026-06-15_9910000077_<plan id>"); returns the files by plan.
     */
    public Map<WorkbookRequest, List<Path>> writePeriod(LocalDate from, LocalDate to, Path folder) {
        Map<WorkbookRequest, List<Path>> written = new LinkedHashMap<>();
        for (WorkbookRequest request : selfChecks.requests(from, to)) {
            written.put(request, write(request, folder.resolve(request.plan().date() + "_" + request.facility().code()
                    + "_" + request.plan().id())));
        }
        return written;
    }

    private static List<Path> write(WorkbookRequest request, Path folder) {
        try {
            AtomicFile.createFolders(folder);
        } catch (IOException e) {
            throw new UserFacingException(e, "selfCheckImport.error.folder", folder, e.getMessage());
        }
        try {
            return new SelfCheckWorkbookWriter().writeForPlan(request.plan(), request.facility(), request.catalog(), folder);
        } catch (IOException e) {
            throw new UserFacingException(e, "selfCheckImport.error.write", folder, e.getMessage());
        }
    }

    /** The files an import of {@code path} covers: the file itself, or a folder's workbooks (.xlsx) in name order. */
    public static List<Path> filesOf(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SelfCheckWorkbookWriter.EXTENSION)
                            && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UserFacingException(e, "selfCheckImport.error.folder", path, e.getMessage());
        }
    }

    /** Every file of {@code paths} (folders by their workbooks), each read and imported on its own. */
    public List<FileOutcome> importAll(List<Path> paths, String actor) {
        List<FileOutcome> outcomes = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : filesOf(path)) {
                outcomes.add(importFile(file, actor));
            }
        }
        return outcomes;
    }

    /**
     * On the tablet: a filled workbook the hospital hands over at the inspection (on a USB stick), read against the plan
     * it names as the tablet received it, into the inspection in progress; rows the inspector confirmed stay as they are.
     */
    public Filled fillInspection(String inspectionId, Path file, String actor) {
        FilledWorkbook workbook = new SelfCheckWorkbookReader().read(file, selfChecks::request, clock);
        return inspections.fillFromWorkbook(inspectionId, workbook, file.getFileName().toString(), actor);
    }

    /**
     * Reads one filled workbook against the plan it names (as the office holds it now) and imports it whole, or refuses
     * it with the reader's or the import's message; nothing of a refused file is stored.
     */
    public FileOutcome importFile(Path file, String actor) {
        try {
            FilledWorkbook workbook = new SelfCheckWorkbookReader().read(file, selfChecks::request, clock);
            return FileOutcome.accepted(file, selfChecks.importWorkbook(workbook, file.getFileName().toString(), actor));
        } catch (UserFacingException e) {
            return FileOutcome.refused(file, e);
        } catch (RuntimeException e) {
            // Unforeseen: this file is refused with what happened, and the next file has its turn.
            LOG.log(Level.SEVERE, "import of the filled workbook " + file + " failed unexpectedly", e);
            return FileOutcome.refused(file, new UserFacingException(e, "selfCheckImport.error.unexpected",
                    file.getFileName(), e.toString()));
        }
    }
}
