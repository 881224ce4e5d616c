"""SARIF 2.1.0 for code-scanning upload.

One run; one result per fix (level "warning": the file can be rewritten) and
per note (level "note": reported, not changed). Files that failed or were
skipped become tool execution notifications. Paths are relative to the
current folder (``uriBaseId`` ``%SRCROOT%``): run migrate from the
repository's root for code scanning to place them.
"""

from __future__ import annotations

import inspect
import os
import re
from urllib.parse import quote

from . import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://pypi.org/project/dslim-rewrite/"


def _uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId) for a path as migrate shows it."""
    p = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(p), None
    return quote(p), "%SRCROOT%"


def _cwd_uri() -> str:
    cwd = os.getcwd().replace(os.sep, "/").rstrip("/") + "/"
    return "file://" + quote(cwd if cwd.startswith("/") else "/" + cwd)


def _sections(doc: str) -> dict[str, str]:
    out: dict[str, str] = {}
    cur = None
    for line in inspect.cleandoc(doc or "").splitlines():
        m = re.match(r"^##\s+(.*)$", line)
        if m:
            cur = m.group(1).strip().lower()
            out[cur] = ""
        elif cur:
            out[cur] += line + "\n"
    return {k: v.strip() for k, v in out.items()}


def _rule(t) -> dict:
    doc = t.__doc__ or ""
    sec = _sections(doc)
    what = sec.get("what it does", "").split("\n\n")[0].replace("\n", " ") or t.name
    why = sec.get("why is this bad?", "").split("\n\n")[0].replace("\n", " ")
    rule = {
        "id": t.code,
        "name": "".join(w.capitalize() for w in t.name.split("-")),
        "shortDescription": {"text": what},
        "help": {"text": inspect.cleandoc(doc) or t.name, "markdown": inspect.cleandoc(doc) or t.name},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"slug": t.name, "fixSafety": str(t.safety)},
    }
    if why:
        rule["fullDescription"] = {"text": why}
    return rule


def _location(path: str, line: int | None) -> dict:
    uri, base = _uri(path)
    art = {"uri": uri}
    if base:
        art["uriBaseId"] = base
    phys: dict = {"artifactLocation": art}
    if line and line >= 1:
        phys["region"] = {"startLine": int(line)}
    return {"physicalLocation": phys}


def to_sarif(summary) -> dict:
    from .registry import all_transforms

    transforms = list(all_transforms())
    known = {t.code for t in transforms}
    rules = [_rule(t) for t in transforms]
    for code in sorted({f[0] for r in summary.results for f in (*r.fixes, *r.notes)} - known):
        rules.append({"id": code, "shortDescription": {"text": code}})
    index = {r["id"]: i for i, r in enumerate(rules)}

    results = []
    for r in summary.results:
        verb = "would be changed" if summary.dry_run else "was changed"
        for code, line, message in r.fixes:
            results.append({
                "ruleId": code, "ruleIndex": index[code], "level": "warning",
                "message": {"text": f"{message} ({r.path} {verb} by dslim-rewrite)"},
                "locations": [_location(r.path, line)],
            })
        for code, line, message in r.notes:
            results.append({
                "ruleId": code, "ruleIndex": index[code], "level": "note",
                "message": {"text": message},
                "locations": [_location(r.path, line)],
            })
    notifications = []
    for r in summary.results:
        if r.status in ("failed", "skipped", "not processed"):
            notifications.append({
                "level": "error" if r.status == "failed" else "note",
                "message": {"text": f"{r.path}: {r.status}: {r.reason or ''}".rstrip(": ")},
                "locations": [_location(r.path, None)],
            })
    invocation = {"executionSuccessful": not summary.interrupted}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "dslim-rewrite", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFO_URI, "rules": rules}},
            "invocations": [invocation],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": _cwd_uri()}},
            "results": results,
        }],
    }
