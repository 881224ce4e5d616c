"""Each transform's page, made from its docstring (``--explain``, docs/rules/)."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from .fixes import Transform


def render(t: type[Transform]) -> str:
    doc = inspect.cleandoc(t.__doc__ or "")
    extra = " (opt-in: only with --select)" if t.opt_in else ""
    head = f"# {t.code} {t.name}\n\nFix safety level: **{t.safety}**{extra}\n\n"
    return head + doc + "\n"


def write_all(folder: Path) -> list[Path]:
    from .registry import all_transforms

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for t in all_transforms():
        p = folder / f"{t.code}.md"
        p.write_text(render(t), encoding="utf-8")
        out.append(p)
    return out


if __name__ == "__main__":  # python -m dslim_rewrite.rules_doc docs/rules
    for p in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules")):
        print(p)
