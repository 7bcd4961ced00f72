package jp.tachiiri.pdf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout package is a library: no desktop toolkit (it must run on phones) and no knowledge of inspections. */
@AnalyzeClasses(packages = "jp.tachiiri.pdf", importOptions = ImportOption.DoNotIncludeTests.class)
class PdfPackageTest {

    @ArchTest
    static final ArchRule usesNoDesktopToolkit = noClasses().that().resideInAPackage("jp.tachiiri.pdf..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javafx..");

    @ArchTest
    static final ArchRule knowsNothingElseOfTachiiri = noClasses().that().resideInAPackage("jp.tachiiri.pdf..")
            .should().dependOnClassesThat().resideInAnyPackage("jp.tachiiri.model..", "jp.tachiiri.i18n..",
                    "jp.tachiiri.catalog..", "jp.tachiiri.inspection..", "jp.tachiiri.facility..", "jp.tachiiri.audit..",
                    "jp.tachiiri.evidence..", "jp.tachiiri.demo..", "jp.tachiiri.store..", "jp.tachiiri.platform..",
                    "jp.tachiiri.app..", "jp.tachiiri.ui..", "jp.tachiiri.cli..", "jp.tachiiri.advice..");
}
