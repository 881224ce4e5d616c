#!/usr/bin/env python3
"""Sanity-check the Dockerfile corpus against BuildKit's own parser.

Every ``*.Dockerfile`` directly in this directory must parse; every file in
``invalid/`` must be rejected with ``dockerfile.GoParseError``. Prints a few
counts and exits non-zero on any mismatch.

    python3 tests/corpus/check_corpus.py [-v]

This is a plain script, not a pytest test.
"""

from __future__ import annotations

import collections
import os
import sys

import dockerfile

HERE = os.path.dirname(os.path.abspath(__file__))
INVALID = os.path.join(HERE, "invalid")


def _files(directory: str) -> list[str]:
    return sorted(
        os.path.join(directory, n)
        for n in os.listdir(directory)
        if n.endswith(".Dockerfile") and os.path.isfile(os.path.join(directory, n))
    )


def _unsafe(data: bytes) -> str | None:
    # The parser binding truncates at NUL and aborts the process on lone
    # surrogates; neither may appear in corpus files.
    if b"\x00" in data:
        return "contains a NUL byte"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "not valid UTF-8: %s" % exc
    return None


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    problems: list[str] = []
    stats = collections.Counter()
    keywords = collections.Counter()

    for path in _files(HERE):
        name = os.path.relpath(path, HERE)
        with open(path, "rb") as fh:
            data = fh.read()
        bad = _unsafe(data)
        if bad:
            problems.append("%s: %s" % (name, bad))
            continue
        try:
            cmds = dockerfile.parse_string(data.decode("utf-8"))
        except dockerfile.GoParseError as exc:
            problems.append("%s: expected to parse, got: %s" % (name, exc))
            continue
        stats["valid files"] += 1
        stats["instructions"] += len(cmds)
        stats["lines"] += data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
        stats["heredocs"] += sum(len(c.heredocs) for c in cmds)
        if data.startswith(b"\xef\xbb\xbf"):
            stats["files with BOM"] += 1
        if b"\r\n" in data:
            stats["files with CRLF"] += 1
        if data and not data.endswith(b"\n"):
            stats["files without final newline"] += 1
        if data.count(b"\n") >= 500:
            stats["files with 500+ lines"] += 1
        for c in cmds:
            keywords[c.cmd.upper()] += 1
            if c.sub_cmd:
                keywords["ONBUILD " + c.sub_cmd.upper()] += 1
        if verbose:
            print("ok      %-60s %4d instructions" % (name, len(cmds)))

    for path in _files(INVALID):
        name = os.path.relpath(path, HERE)
        with open(path, "rb") as fh:
            data = fh.read()
        bad = _unsafe(data)
        if bad:
            problems.append("%s: %s" % (name, bad))
            continue
        try:
            dockerfile.parse_string(data.decode("utf-8"))
        except dockerfile.GoParseError as exc:
            stats["invalid files rejected"] += 1
            if verbose:
                print("reject  %-60s %s" % (name, exc))
            continue
        problems.append("%s: expected a parse error, but it parsed" % name)

    for key in (
        "valid files", "invalid files rejected", "instructions", "lines",
        "heredocs", "files with BOM", "files with CRLF",
        "files without final newline", "files with 500+ lines",
    ):
        print("%-30s %d" % (key, stats[key]))
    print("instruction keywords:")
    for kw, n in sorted(keywords.items()):
        print("  %-28s %d" % (kw, n))

    if problems:
        print("\n%d problem(s):" % len(problems))
        for p in problems:
            print("  " + p)
        return 1
    print("\nall files behave as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
