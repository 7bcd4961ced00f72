# Drives a running LibreOffice (soffice --accept=pipe,...) through UNO for the tests, as a person at a spreadsheet
# would: opens a workbook (or starts an empty one to make one from scratch), types into cells, stores it as .xlsx,
# and reports what LibreOffice sees in the stored file (protection, validation, print setup). Run by testsupport/LibreOffice.java
# with Debian's python3 and python3-uno: python3 libreoffice-calc.py SPEC.json; the report goes where SPEC says.
import json
import os
import sys
import time
import traceback

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, seconds):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + seconds
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if time.time() > deadline:
                raise
            time.sleep(0.25)


def sheet_of(document, name):
    sheets = document.Sheets
    return sheets.getByName(name) if name else sheets.getByIndex(0)


def edit(context, document, step):
    op = step["op"]
    if op == "addSheet":
        document.Sheets.insertNewByName(step["sheet"], document.Sheets.getCount())
        return
    sheet = sheet_of(document, step.get("sheet"))
    if op == "renameSheet":
        sheet.setName(step["value"])
    elif op == "hideSheet":
        sheet.IsVisible = False
    elif op == "text":
        sheet.getCellRangeByName(step["cell"]).setString(step["value"])
    elif op == "number":
        sheet.getCellRangeByName(step["cell"]).setValue(float(step["value"]))
    elif op == "typed":
        # What typing into the cell does (the cell cursor's .uno:EnterString): Calc recognises numbers and dates
        # (e.g. 2026-06-01) and gives a cell in the General format a date format. setFormula would store the serial
        # but leave the format General.
        controller = document.getCurrentController()
        controller.setActiveSheet(sheet)
        controller.select(sheet.getCellRangeByName(step["cell"]))
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        dispatcher.executeDispatch(controller.getFrame(), ".uno:EnterString", "", 0,
                                   (prop("StringName", step["value"]),))
    elif op == "formula":
        # A formula in Calc's API grammar (English names, ';' between arguments).
        sheet.getCellRangeByName(step["cell"]).setFormula(step["value"])
    else:
        raise ValueError("unknown op " + op)


def validation(cell):
    v = cell.Validation
    # com.sun.star.sheet.ValidationType: ANY, WHOLE, DECIMAL, DATE, TIME, TEXT_LEN, LIST, CUSTOM
    return {"type": v.Type.value, "formula1": v.getFormula1(),
            "showErrorMessage": bool(v.ShowErrorMessage), "errorMessage": v.ErrorMessage}


def describe(document, cells):
    report = {"sheets": [], "cells": {}}
    for index in range(document.Sheets.getCount()):
        sheet = document.Sheets.getByIndex(index)
        style = document.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
        titles = sheet.getTitleRows() if sheet.PrintTitleRows else None
        report["sheets"].append({
            "name": sheet.getName(),
            "visible": bool(sheet.IsVisible),
            "protected": bool(sheet.isProtected()),
            "printAreas": [sheet_range(a) for a in sheet.getPrintAreas()],
            "titleRows": sheet_range(titles) if titles else None,
            "paperWidth": style.Width, "paperHeight": style.Height,
            "scaleToPagesX": style.ScaleToPagesX, "scaleToPagesY": style.ScaleToPagesY,
        })
    for name in cells:
        sheet_name, cell_name = name.split("!")
        cell = sheet_of(document, sheet_name).getCellRangeByName(cell_name)
        report["cells"][name] = {"locked": bool(cell.CellProtection.IsLocked), "string": cell.getString(),
                                 "validation": validation(cell)}
    # A protection without a password is lifted with an empty one; with a password this fails.
    for index, sheet in enumerate(document.Sheets.getByIndex(i) for i in range(document.Sheets.getCount())):
        if sheet.isProtected():
            try:
                sheet.unprotect("")
                report["sheets"][index]["unprotectedWithoutPassword"] = not sheet.isProtected()
            except Exception:
                report["sheets"][index]["unprotectedWithoutPassword"] = False
    return report


def sheet_range(address):
    return {"startRow": address.StartRow, "endRow": address.EndRow,
            "startColumn": address.StartColumn, "endColumn": address.EndColumn}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    context = connect(spec["pipe"], spec.get("connectSeconds", 60))
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    try:
        hidden = (prop("Hidden", True),)
        source = uno.systemPathToFileUrl(spec["input"]) if spec.get("input") else "private:factory/scalc"
        document = desktop.loadComponentFromURL(source, "_blank", 0, hidden)
        for step in spec.get("edits", []):
            edit(context, document, step)
        document.calculateAll()  # .xlsx keeps each formula's result beside it
        output = uno.systemPathToFileUrl(spec["output"])
        document.storeToURL(output, (prop("FilterName", "Calc MS Excel 2007 XML"),))
        document.close(True)
        stored = desktop.loadComponentFromURL(output, "_blank", 0, hidden)
        report = describe(stored, spec.get("inspect", []))
        stored.close(True)
        with open(spec["report"], "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass  # The bridge goes down with LibreOffice; the caller makes sure it has ended.


if __name__ == "__main__":
    status = 0
    try:
        main()
    except Exception:
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    # Leave at once: pyuno may crash while the interpreter tears down a bridge that LibreOffice has closed.
    os._exit(status)
