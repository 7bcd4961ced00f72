package jp.tachiiri.workbook;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.PlannedInspection;

/** PLACEHOLDER (replaced at merge by the real writer): the signatures the office's commands and screens call. */
public final class SelfCheckWorkbookWriter {

    public void write(WorkbookRequest request, OutputStream out) {
        throw new UnsupportedOperationException("placeholder: the real writer replaces this class at merge");
    }

    public List<Path> writeForPlan(PlannedInspection plan, Facility facility, Catalog catalog, Path folder) {
        throw new UnsupportedOperationException("placeholder: the real writer replaces this class at merge");
    }
}
