"""Makes a workbook from scratch in LibreOffice Calc, cell by cell as a person would type it, and saves it as .xlsx.

Usage: python3 new_workbook.py SPEC.json OUT.xlsx PROFILE_URL PIPE_NAME
SPEC: {"sheets": [{"name": ..., "hidden": bool, "cells": [{"cell": "A1", "text" | "typed" | "formula": ...}]}]}
"text" is put as a string; "typed" is entered the way typing into the cell enters it (the .uno:EnterString command of
the cell cursor: Calc recognises a date, stores its serial number and gives the cell a date format);
"formula" is a formula in Calc's API grammar (English names, ';' between arguments).
Starts its own headless soffice with the given user profile and quits it at the end.
"""
import json
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 120
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline or office.poll() is not None:
                raise
            time.sleep(0.5)


def main(spec_path, out_path, profile_url, pipe):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                               "--nolockcheck", "-env:UserInstallation=" + profile_url,
                               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe])
    try:
        ctx = connect(pipe, office)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        controller = doc.getCurrentController()
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for index, wanted in enumerate(spec["sheets"]):
            if index == 0:
                sheets.getByIndex(0).Name = wanted["name"]
            else:
                sheets.insertNewByName(wanted["name"], index)
            sheet = sheets.getByName(wanted["name"])
            for cell in wanted["cells"]:
                target = sheet.getCellRangeByName(cell["cell"])
                if "text" in cell:
                    target.setString(cell["text"])
                elif "typed" in cell:
                    controller.setActiveSheet(sheet)
                    controller.select(target)
                    dispatcher.executeDispatch(controller.getFrame(), ".uno:EnterString", "", 0,
                                               (prop("StringName", cell["typed"]),))
                else:
                    target.setFormula(cell["formula"])
            if wanted.get("hidden"):
                sheet.IsVisible = False
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(out_path), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down as the office quits
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:5])
