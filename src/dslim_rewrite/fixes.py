"""Edits, fixes and the transform base class."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, ClassVar, Iterable

from .records import field, record

if TYPE_CHECKING:
    from .context import Context


class Safety(str, enum.Enum):
    SAFE = "safe"  # applied by default
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY = "display"  # reported, never applied

    def __str__(self) -> str:
        return self.value


@record(frozen=True, slots=True)
class Edit:
    """Replace ``data[start:end]`` with ``text`` (an insertion when start == end)."""

    start: int
    end: int
    text: bytes

    def conflicts(self, other: Edit) -> bool:
        if self.start < other.end and other.start < self.end:
            return True
        # two insertions at one point, or an insertion strictly inside a replacement
        if self.start == self.end and other.start == other.end:
            return self.start == other.start
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return False


@record(slots=True)
class Fix:
    code: str
    message: str
    line: int
    edits: list[Edit] = field(default_factory=list)  # empty: a note, nothing to apply
    safety: Safety = Safety.SAFE
    instructions: tuple[int, ...] = ()  # indices of the instructions it concerns (pragmas)
    # an unsafe fix whose edits were not computed, because this run would not
    # apply them (no --unsafe-fixes): reported like any unapplied unsafe fix
    pending: bool = False

    @property
    def is_note(self) -> bool:
        return not self.edits and not self.pending


class Transform:
    """Base class of every transform. A subclass sets ``code``, ``name`` and
    ``safety`` and implements ``check``, yielding fixes (edits + message)."""

    code: ClassVar[str]
    name: ClassVar[str]
    safety: ClassVar[Safety] = Safety.SAFE
    # transforms that only run when named by --select (e.g. alpine-base)
    opt_in: ClassVar[bool] = False
    # runs on the whole repository folder rather than one Dockerfile (e.g. .dockerignore)
    file_level: ClassVar[bool] = False
    # reads the base-image table: the command line loads it before forking
    # workers when such a transform runs (only a matter of time, not of results)
    uses_image_table: ClassVar[bool] = False

    def check(self, ctx: Context) -> Iterable[Fix]:  # pragma: no cover - interface
        return ()

    def fix(self, ctx: Context, message: str, ins_index: int | Iterable[int], edits: list[Edit],
            safety: Safety | None = None, line: int | None = None) -> Fix:
        """Build a Fix for this transform (safety defaults to the transform's)."""
        idx = (ins_index,) if isinstance(ins_index, int) else tuple(ins_index)
        ins = ctx.doc.instructions[idx[0]] if idx else None
        return Fix(
            code=self.code,
            message=message,
            line=line if line is not None else (ins.start_line if ins else 1),
            edits=edits,
            safety=safety or self.safety,
            instructions=idx,
        )

    @staticmethod
    def insert(at: int, text: bytes) -> Edit:
        return Edit(at, at, text)

    @staticmethod
    def replace(start: int, end: int, text: bytes) -> Edit:
        return Edit(start, end, text)

    def note(self, ctx: Context, message: str, ins_index: int | Iterable[int]) -> Fix:
        """A finding with no edit: shown by --diff and in reports (why not)."""
        return self.fix(ctx, message, ins_index, [], Safety.DISPLAY)
