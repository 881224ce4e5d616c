"""Reading the argv of common commands (package managers above all)."""

from __future__ import annotations

from .shell import Command, Word

# apt-get/apt options that take a separate value
_APT_VALUE_OPTS = {"-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"}


def _operands(words: list[Word], value_opts: set[str]):
    """The words that are not options or an option's separate value, in order."""
    i = 0
    while i < len(words):
        w = words[i].text
        if w in value_opts:
            i += 2
            continue
        if w.startswith("-"):
            i += 1
            continue
        yield words[i]
        i += 1


def first_positional(cmd: Command, value_opts: set[str] = frozenset()) -> Word | None:
    """The first word after the command name that is not an option (or an option's value)."""
    return next(_operands(cmd.words[1:], value_opts), None)


def apt_subcommand(cmd: Command) -> Word | None:
    """The apt-get/apt action word (install, update, ...), skipping options."""
    return first_positional(cmd, _APT_VALUE_OPTS)


def has_option(cmd: Command, options) -> bool:
    """True if any of ``options`` appears; short options combined (``-qy``) count."""
    opts = set(options)
    shorts = {o[1] for o in opts if len(o) == 2 and o[0] == "-" and o[1] != "-"}
    for w in cmd.words[1:]:
        t = w.text
        if t in opts or t.split("=", 1)[0] in opts:
            return True
        if shorts and len(t) > 2 and t[0] == "-" and t[1] != "-" and "=" not in t and set(t[1:]) & shorts:
            # -qy, but not -o=...; only plain letter clusters
            if t[1:].isalpha():
                return True
    return False


def positionals(cmd: Command, start_after: Word | None = None, value_opts: set[str] = frozenset()) -> list[Word]:
    """Non-option words after ``start_after`` (e.g. the packages after ``install``)."""
    words = cmd.words[1:]
    if start_after is not None:
        for k, w in enumerate(words):
            if w is start_after:
                words = words[k + 1 :]
                break
    return list(_operands(words, value_opts))
