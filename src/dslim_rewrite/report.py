"""The migration report: one summary, rendered as Markdown, HTML, JSON or SARIF.

Savings are estimates and say so, each with its basis:

* a transform may declare ``estimated_savings = (bytes_per_fix, "basis")`` on
  its class: a rough per-fix figure its author documents (e.g. "apt lists of
  Debian bookworm: ~20 MB");
* DSL200 (.dockerignore) measures instead of estimating: the bytes of the
  files in the build context that the added patterns exclude, at the time of
  the run (they are no longer sent to the builder; the image shrinks by as
  much only where a ``COPY .`` copied them).

jinja2 is imported only to render Markdown or HTML.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from . import __version__
from .records import field, record

STATUSES = ("changed", "unchanged", "failed", "skipped", "not processed")


@record
class RuleTotal:
    code: str
    name: str
    fixes: int = 0
    files: int = 0
    notes: int = 0
    estimate_bytes: int | None = None  # estimated or measured bytes saved over the run
    basis: str | None = None  # how that figure was obtained


@record
class Summary:
    results: list
    dry_run: bool
    interrupted: bool
    elapsed: float
    jobs: int
    gitignored: int
    counts: dict = field(default_factory=dict)
    rules: list = field(default_factory=list)
    n_fixes: int = 0
    estimated_total: int = 0
    generated: str = ""
    version: str = __version__

    @classmethod
    def of(cls, results, *, dry_run=False, interrupted=False, elapsed=0.0, gitignored=0, jobs=1,
           settings=None) -> Summary:
        s = cls(results=results, dry_run=dry_run, interrupted=interrupted, elapsed=elapsed, jobs=jobs,
                gitignored=gitignored)
        s.generated = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        s.counts = {k: 0 for k in STATUSES}
        for r in results:
            s.counts[r.status] = s.counts.get(r.status, 0) + 1
        s.rules = rule_totals(results)
        base = base_image_total(results, settings)
        if base is not None:
            s.rules.append(base)
        s.n_fixes = sum(t.fixes for t in s.rules)
        s.estimated_total = sum(t.estimate_bytes or 0 for t in s.rules)
        return s

    @property
    def failures(self) -> list:
        return [r for r in self.results if r.status in ("failed", "skipped", "not processed")]

    def as_json(self) -> dict:
        return {
            "tool": {"name": "dslim-rewrite", "version": self.version},
            "generated": self.generated,
            "dry_run": self.dry_run,
            "interrupted": self.interrupted,
            "summary": {"files": len(self.results), **{k.replace(" ", "_"): v for k, v in self.counts.items()},
                        "fixes": self.n_fixes, "ignored_by_gitignore": self.gitignored,
                        "seconds": round(self.elapsed, 3), "jobs": self.jobs},
            "rules": [{"code": t.code, "name": t.name, "fixes": t.fixes, "files": t.files, "notes": t.notes,
                       "estimated_bytes_saved": t.estimate_bytes, "estimate_basis": t.basis} for t in self.rules],
            "estimated_bytes_saved": self.estimated_total,
            "estimates_note": ESTIMATES_NOTE,
            "files": [r.as_json() for r in self.results],
        }


ESTIMATES_NOTE = ("Savings are estimates, not measurements of built images: each figure gives its basis. "
                  "Build the images to know the real sizes.")


def _transform_names() -> dict:
    from .registry import by_code

    return by_code()


def rule_totals(results) -> list[RuleTotal]:
    transforms = _transform_names()
    totals: dict[str, RuleTotal] = {}

    def get(code: str) -> RuleTotal:
        if code not in totals:
            t = transforms.get(code)
            totals[code] = RuleTotal(code, t.name if t else "")
        return totals[code]

    measured: dict[str, int] = {}
    for r in results:
        for code in {f[0] for f in r.fixes}:
            get(code).files += 1
        for f in r.fixes:
            get(f[0]).fixes += 1
        for f in r.notes:
            get(f[0]).notes += 1
        if r.context_bytes_saved is not None:
            measured["DSL200"] = measured.get("DSL200", 0) + r.context_bytes_saved
    for code, t in totals.items():
        if code in measured:
            t.estimate_bytes = measured[code]
            t.basis = ("measured: bytes of the files in each build context that the added patterns exclude "
                       "(no longer sent to the builder; the image shrinks only where COPY . copied them)")
            continue
        cls = transforms.get(code)
        est = getattr(cls, "estimated_savings", None) if cls else None
        if est and t.fixes:
            per_fix, basis = est
            t.estimate_bytes = int(per_fix) * t.fixes
            t.basis = f"rough estimate: {human_bytes(int(per_fix))} per fix ({basis})"
    return sorted(totals.values(), key=lambda t: t.code)


MB = 1000 * 1000


def base_image_size_mb(table, ref: str) -> int | None:
    img = table.identify(ref)
    if img is None:
        return None
    if img.family.name == "distroless":
        return img.family.sizes.get(img.fields.get("kind", ""))
    return img.size()


def base_image_total(results, settings=None) -> RuleTotal | None:
    """What changing final-stage base images saves, from the sizes in
    transforms/base_images.toml (public image sizes: an estimate)."""
    changes = [r for r in results if getattr(r, "base_image", None) and r.status == "changed"]
    if not changes:
        return None
    total = RuleTotal("base-image", "final-stage base image")
    try:
        from .images import table as images_table

        table = images_table(settings or {})
        taken = table.meta.get("sizes-taken", "?") if hasattr(table, "meta") else "?"
    except Exception:  # the table is optional knowledge: no estimate without it
        return None
    saved = 0
    for r in changes:
        try:
            a, b = (base_image_size_mb(table, ref) for ref in r.base_image)
        except Exception:
            a = b = None
        total.files += 1
        if a and b and a > b:
            saved += (a - b) * MB
    total.estimate_bytes = saved
    total.basis = (f"estimate: approximate uncompressed sizes of the public images in transforms/base_images.toml "
                   f"(as of {taken}), old final-stage base minus new, {len(changes)} file(s)")
    return total


def human_bytes(n: int | None) -> str:
    """Decimal units, as ``docker image ls`` shows sizes."""
    if n is None:
        return "-"
    if abs(n) < 1000:
        return f"{n} B"
    for unit in ("kB", "MB", "GB", "TB"):
        n /= 1000
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.1f} {unit}"
    return f"{n} B"  # pragma: no cover


def _environment(html: bool):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["bytes"] = human_bytes
    env.filters["md"] = _md_cell
    env.filters["code"] = _code_spans
    return env


def _code_spans(text) -> str:
    """HTML for a message: escaped, with `backticked` parts as <code>."""
    import re

    from markupsafe import Markup, escape

    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape("" if text is None else text))))


def _md_cell(text) -> str:
    """Text safe inside a Markdown table cell."""
    s = "" if text is None else str(text)
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").replace("<", "&lt;")


def render(fmt: str, summary: Summary) -> str:
    """The report as text: fmt is md, html (htm), json or sarif."""
    if fmt == "json":
        return json.dumps(summary.as_json(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "sarif":
        from .sarif import to_sarif

        return json.dumps(to_sarif(summary), indent=2, ensure_ascii=False) + "\n"
    html = fmt in ("html", "htm")
    env = _environment(html)
    template = env.get_template("report.html.j2" if html else "report.md.j2")
    return template.render(s=summary, note=ESTIMATES_NOTE)
