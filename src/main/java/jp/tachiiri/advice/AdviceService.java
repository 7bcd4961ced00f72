package jp.tachiiri.advice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.facility.FacilityRepository;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.inspection.InspectionRepository;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Language;
import jp.tachiiri.selfcheck.SelfCheckRepository;

/** The advice printout of an inspection: its content from the store, and the PDF. */
public final class AdviceService {

    /** Inspections are Japanese acts: a revision finalized at 00:30 JST is dated that Japanese day everywhere. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final InspectionRepository inspections;
    private final FacilityRepository facilities;
    private final SelfCheckRepository forms;
    private final CatalogLibrary catalogs;
    private final AdviceComposer composer = new AdviceComposer();
    private final AdvicePdf pdf = new AdvicePdf();
    private final Path printouts;

    /** {@code printouts}: the folder where the app saves printouts ({@link #printoutFile}). */
    public AdviceService(InspectionRepository inspections, FacilityRepository facilities, SelfCheckRepository forms,
            CatalogLibrary catalogs, Path printouts) {
        this.inspections = inspections;
        this.facilities = facilities;
        this.forms = forms;
        this.catalogs = catalogs;
        this.printouts = printouts;
    }

    /**
     * Where the app saves an inspection's advice printout: the printouts folder, named so that a folder of them
     * sorts by date and says what each is.
     */
    public Path printoutFile(String inspectionId, int revision, Language language) {
        Inspection inspection = inspections.find(inspectionId, revision)
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        String code = facilities.byId(inspection.facilityId()).map(Facility::code).orElse("facility");
        try {
            AtomicFile.createFolders(printouts);
        } catch (IOException e) {
            throw new UserFacingException(e, "advice.error.write", printouts, e.getMessage());
        }
        return printouts.resolve("advice_" + inspection.date() + "_" + code + "_r" + revision + "_" + language.code() + ".pdf");
    }

    /** The content for a revision (the latest when none is given); a revision in progress gives a draft. */
    public AdviceContent content(String inspectionId, Optional<Integer> revision, AdviceSettings settings) {
        Inspection inspection = revision.map(number -> inspections.find(inspectionId, number))
                .orElseGet(() -> inspections.find(inspectionId))
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        // A finalized revision is printed with the facility as it was then, not as edited since.
        Facility facility = inspections.facilityAsFinalized(inspectionId, inspection.revision())
                .or(() -> facilities.byId(inspection.facilityId()))
                .orElseThrow(() -> new UserFacingException("inspection.error.notFound", inspectionId));
        Catalog catalog = catalogs.version(inspection.catalogVersion())
                .orElseThrow(() -> new UserFacingException("inspection.error.unknownCatalog", inspection.catalogVersion()));
        Optional<LocalDate> finalizedOn = inspections.revisions(inspectionId).stream()
                .filter(info -> info.revision() == inspection.revision())
                .findFirst()
                .flatMap(info -> info.finalizedAt())
                .map(instant -> instant.atZone(JAPAN).toLocalDate());
        return composer.compose(inspection, facility, catalog, inspections.findings(inspectionId, inspection.revision()),
                forms.selfCheck(inspectionId, inspection.revision()), settings, finalizedOn);
    }

    public byte[] pdf(String inspectionId, Optional<Integer> revision, AdviceSettings settings, Language language) {
        return pdf.render(content(inspectionId, revision, settings), language);
    }

    /** Writes the PDF to {@code out} atomically. */
    public void writePdf(String inspectionId, Optional<Integer> revision, AdviceSettings settings, Language language,
            Path out) {
        AdviceContent content = content(inspectionId, revision, settings);
        try {
            pdf.write(content, language, out);
        } catch (UncheckedIOException e) {
            throw new UserFacingException(e, "advice.error.write", out.toAbsolutePath(), e.getCause().getMessage());
        }
    }
}
