package jp.tachiiri.selfcheck.intake;

import java.time.Instant;
import java.util.Optional;

import jp.tachiiri.model.VendorContract;
import jp.tachiiri.workbook.WorkbookKind;

/**
 * The filled workbook a form of a plan's self-check came from: the hospital's, or one vendor contract's; its SHA-256
 * (the same file again changes nothing), its name, and when and by whom it was imported.
 */
public record WorkbookSource(WorkbookKind kind, Optional<VendorContract> contract, String sha256, String fileName,
                             Instant importedAt, String importedBy) {
}
