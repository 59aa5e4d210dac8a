"""An independent reader for Risalah's exports: Python's vobject (Debian's python3-vobject)
for vCard and Python's csv module for CSV. Reads a JSON list of {"kind", "text"} on stdin and
writes, for each, what those readers see: the cards with their properties, or the rows."""

import csv
import io
import json
import sys

import vobject


def card(component):
    out = {}
    for child in component.getChildren():
        name = child.name.upper()
        value = child.value
        if name == "N":
            value = [value.family, value.given, value.additional, value.prefix, value.suffix]
        elif name == "ADR":
            value = [value.box, value.extended, value.street, value.city, value.region, value.code, value.country]
        elif name == "ORG":
            value = list(value)
        elif isinstance(value, bytes):
            value = {"bytes": len(value)}
        elif not isinstance(value, (str, list)):
            value = str(value)
        out.setdefault(name, []).append({"value": value, "params": {k: v for k, v in child.params.items()}})
    return out


def read(item):
    text = item["text"]
    if item["kind"] == "csv":
        return {"rows": list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))}
    try:
        return {"cards": [card(c) for c in vobject.readComponents(text)]}
    except Exception as error:  # the test reports which export the reader refused
        return {"error": f"{type(error).__name__}: {error}"}


print(json.dumps([read(item) for item in json.load(sys.stdin)]))
