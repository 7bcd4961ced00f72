package jp.tachiiri;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point inwards: model ← services ← store/platform ← app ← ui/cli ← Main. A rule broken here
 * means a class reaches for a layer it must not know about.
 */
@AnalyzeClasses(packages = "jp.tachiiri", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] SERVICES = {
        "jp.tachiiri.catalog..", "jp.tachiiri.inspection..", "jp.tachiiri.facility..", "jp.tachiiri.audit..",
        "jp.tachiiri.demo..", "jp.tachiiri.evidence..", "jp.tachiiri.advice..", "jp.tachiiri.pdf..",
        "jp.tachiiri.bundle..", "jp.tachiiri.sync..", "jp.tachiiri.report..", "jp.tachiiri.review..",
        "jp.tachiiri.dashboard..", "jp.tachiiri.calendar..", "jp.tachiiri.selfcheck..", "jp.tachiiri.workbook..",
        "jp.tachiiri.backup.."
    };

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Main").definedBy("jp.tachiiri")
            .layer("Model").definedBy("jp.tachiiri.model..")
            .layer("I18n").definedBy("jp.tachiiri.i18n..")
            .layer("Services").definedBy(SERVICES)
            .layer("Store").definedBy("jp.tachiiri.store..")
            .layer("Platform").definedBy("jp.tachiiri.platform..")
            .layer("App").definedBy("jp.tachiiri.app..")
            .layer("Ui").definedBy("jp.tachiiri.ui..")
            .layer("Cli").definedBy("jp.tachiiri.cli..")
            .whereLayer("Main").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("App").mayOnlyBeAccessedByLayers("Ui", "Cli", "Main")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Platform").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Store", "App", "Ui", "Cli")
            .whereLayer("I18n").mayOnlyBeAccessedByLayers("Services", "Store", "App", "Ui", "Cli", "Main");

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("jp.tachiiri.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "com.fasterxml..",
                    "com.gluonhq..", "org.sqlite..", "picocli..");

    /** Writing files safely serves every layer, so it depends on the JDK alone. */
    @ArchTest
    static final ArchRule filesNeedOnlyTheJdk = classes().that().resideInAPackage("jp.tachiiri.files..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jp.tachiiri.files..");

    @ArchTest
    static final ArchRule servicesKnowNoUiNorStorageEngine = noClasses().that().resideInAnyPackage(SERVICES)
            .or().resideInAPackage("jp.tachiiri.i18n..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..",
                    "com.gluonhq..", "picocli..");

    @ArchTest
    static final ArchRule onlyPlatformTouchesAttach = noClasses().that().resideOutsideOfPackage("jp.tachiiri.platform..")
            .should().dependOnClassesThat().resideInAPackage("com.gluonhq..");

    @ArchTest
    static final ArchRule onlyStoreTouchesSql = noClasses().that().resideOutsideOfPackage("jp.tachiiri.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");

    /** The platform adapters may name JavaFX types that Attach's own API uses (e.g. a photo's Image). */
    @ArchTest
    static final ArchRule onlyUiAndPlatformTouchJavaFx = noClasses().that().resideOutsideOfPackages("jp.tachiiri.ui..",
                    "jp.tachiiri.platform..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    /**
     * Android and iOS builds cannot link AWT or Swing: only the desktop preview may draw with them, and nothing
     * names it (ServiceLoader finds it), so the mobile build can leave it out.
     */
    @ArchTest
    static final ArchRule onlyTheDesktopPreviewDrawsWithAwt = noClasses().that()
            .resideOutsideOfPackage("jp.tachiiri.platform.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..",
                    "org.apache.pdfbox.rendering..")
            .orShould().dependOnClassesThat().resideInAPackage("jp.tachiiri.platform.desktop..");

    /** No two capabilities need each other: each can be read, tested and changed on its own. */
    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("jp.tachiiri.(*)..").should().beFreeOfCycles();

    /** The same inside the screens: a feature's package can be read without the others it does not open. */
    @ArchTest
    static final ArchRule screensAreFreeOfCycles = slices().matching("jp.tachiiri.ui.(*)..").should().beFreeOfCycles();

    /**
     * The PDF layout engine and the bundle format are leaves, and do not know each other: of ours they know the
     * domain's records, the user-facing error (their refusals are told in the user's language) and the safe way
     * to write a file.
     */
    @ArchTest
    static final ArchRule pdfIsALeaf = leaf("jp.tachiiri.pdf..");

    @ArchTest
    static final ArchRule bundleIsALeaf = leaf("jp.tachiiri.bundle..");

    /** Encryption knows nothing of the product: a stream, a key, a passphrase. */
    @ArchTest
    static final ArchRule cryptoNeedsOnlyItsLibraries = classes().that().resideInAPackage("jp.tachiiri.crypto..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "jp.tachiiri.crypto..",
                    "com.google.crypto.tink..", "org.bouncycastle..");

    private static ArchRule leaf(String pkg) {
        return noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat(resideInAPackage("jp.tachiiri..").and(not(resideInAnyPackage(pkg,
                        "jp.tachiiri.model..", "jp.tachiiri.i18n..", "jp.tachiiri.files..", "jp.tachiiri.crypto.."))));
    }

    /** View models hold a screen's state and rules and are tested without one: they know no node and no window. */
    @ArchTest
    static final ArchRule viewModelsKnowNoScreen = noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
            .or().haveSimpleName("ViewModelContext").or().areAssignableTo("jp.tachiiri.ui.common.Background")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    /** The bundle's wire records stay at the edge: the screens show the domain's records. */
    @ArchTest
    static final ArchRule screensKnowNoWireFormat = noClasses().that().resideInAPackage("jp.tachiiri.ui..")
            .should().dependOnClassesThat().resideInAPackage("jp.tachiiri.bundle..");
}
