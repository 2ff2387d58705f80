"""``--format junit``: JUnit XML, as GitLab's ``artifacts:reports:junit`` reads it.

One test case per checked file (and per file a finding names that was not checked,
such as a missing regio.yaml); a ``<failure>`` per error finding, the warnings of the
file as ``<system-out>``. A merge request then shows "2 van 39 mislukt" with, per file,
what is wrong and where.
"""

from __future__ import annotations

import re
from collections import defaultdict
from xml.etree import ElementTree as ET

from prestatie.findings import Finding, Severity, ValidationResult, finding_line

SUITE = "prestatie validate"
# Characters XML 1.0 cannot hold, even escaped; shown as \uXXXX instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)




def as_element(result: ValidationResult) -> ET.Element:
    per_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        per_file[finding.file].append(finding)
    files = sorted(set(result.checked) | set(per_file))
    failures = sum(1 for file in files if any(f.severity is Severity.ERROR for f in per_file.get(file, [])))
    counts = {"tests": str(len(files)), "failures": str(failures), "errors": "0"}
    suites = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": SUITE, **counts, "skipped": "0", "time": "0"})
    for file in files:
        case = ET.SubElement(suite, "testcase", {"classname": SUITE, "name": _xml_text(file), "time": "0"})
        findings = per_file.get(file, [])
        for finding in findings:
            if finding.severity is Severity.ERROR:
                failure = ET.SubElement(
                    case, "failure", {"type": finding.code, "message": _xml_text(finding.message)}
                )
                failure.text = _xml_text(finding_line(finding, file=finding.file))
        warnings = [finding_line(f, file=f.file) for f in findings if f.severity is Severity.WARNING]
        if warnings:
            ET.SubElement(case, "system-out").text = _xml_text("\n".join(warnings))
    return suites


def render(result: ValidationResult) -> str:
    element = as_element(result)
    ET.indent(element)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="unicode") + "\n"
