"""Fuzz the whole chain with unsafe fixes: any bytes are refused with
RewriteError, handed back untouched, or rewritten to a file BuildKit accepts
and reads as the document layer does (a file it reads differently is never
rewritten); rewriting that output again changes nothing; a file both parsers
accept is never refused by an internal check; no other exception escapes.

    python fuzz/fuzz_chain.py CORPUS_DIR [libFuzzer flags]   # see fuzz/README.md
"""

import sys

from _harness import atheris, checks


def TestOneInput(data: bytes) -> None:
    checks.check_chain(data, checks.UNSAFE)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
