#!/usr/bin/env python3
"""Prints every failed test in a folder of TRX files, one per line: "Project: Test.Name: first line of its message".
A collection's fixture that failed when it ended (xunit's "Test Collection Cleanup Failure") is reported too."""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def first_line(text):
    return (text or "").strip().splitlines()[0][:300] if (text or "").strip() else ""


def main(folder):
    for trx in sorted(pathlib.Path(folder).glob("*.trx")):
        project = trx.stem
        root = ET.parse(trx).getroot()
        for result in root.iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") not in ("Passed", "NotExecuted"):
                message = result.find("t:Output/t:ErrorInfo/t:Message", NS)
                print(f"{project}: {result.get('testName')}: {first_line(message.text if message is not None else '')}")
        for info in root.iterfind(".//t:RunInfos/t:RunInfo", NS):
            text = info.find("t:Text", NS)
            if info.get("outcome") == "Error" and text is not None and "Cleanup Failure" in (text.text or ""):
                print(f"{project}: {first_line(re.sub(r'^.*?Cleanup Failure', 'Cleanup Failure', text.text, flags=re.S))}")


if __name__ == "__main__":
    main(sys.argv[1])
