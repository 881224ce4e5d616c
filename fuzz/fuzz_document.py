"""Fuzz the document layer: any bytes either raise DocumentError or give a
document whose spans are the file's own bytes, and BuildKit's parser reads
the file the same way (or refuses it too).

    python fuzz/fuzz_document.py CORPUS_DIR [libFuzzer flags]   # see fuzz/README.md
"""

import sys

from _harness import atheris, checks


def TestOneInput(data: bytes) -> None:
    checks.check_round_trip(data)
    if checks.oracle.available():
        checks.check_agreement(data)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
