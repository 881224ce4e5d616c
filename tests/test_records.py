"""records.record: what the project's classes rely on, and the same answers as dataclasses."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from dslim_rewrite.records import FrozenInstanceError, field, record, replace


@record(frozen=True, slots=True)
class Span:
    """A frozen slotted record (like Edit)."""

    start: int
    end: int
    text: bytes = b""

    def size(self) -> int:
        return self.end - self.start


@record(slots=True)
class Item:
    code: str
    edits: list = field(default_factory=list)
    done: bool = False
    index: list = field(default_factory=list, repr=False, compare=False)
    cache: object = field(default=None, init=False, repr=False, compare=False)


@record
class Plain:
    a: int
    b: dict = field(default_factory=dict)
    c: int = 3

    def __post_init__(self):
        self.total = self.a + self.c


# the same classes through dataclasses, to compare with
@dataclasses.dataclass(frozen=True, slots=True)
class DSpan:
    start: int
    end: int
    text: bytes = b""


@dataclasses.dataclass(slots=True)
class DItem:
    code: str
    edits: list = dataclasses.field(default_factory=list)
    done: bool = False
    index: list = dataclasses.field(default_factory=list, repr=False, compare=False)
    cache: object = dataclasses.field(default=None, init=False, repr=False, compare=False)


def test_init_defaults_and_factories():
    a, b = Item("A"), Item("A", edits=[1], done=True)
    assert (a.code, a.edits, a.done, a.index, a.cache) == ("A", [], False, [], None)
    assert b.edits == [1] and b.done
    assert Item("x").edits is not Item("x").edits  # a new list per instance
    assert Span(1, 2).text == b"" and Span(start=1, end=2, text=b"x").text == b"x"
    with pytest.raises(TypeError):
        Item()
    with pytest.raises(TypeError):
        Item("A", cache=1)  # not a parameter
    p = Plain(1)
    assert (p.b, p.c, p.total) == ({}, 3, 4)


def test_repr_and_eq_match_dataclasses():
    for mine, theirs in (
        (Span(1, 2, b"x"), DSpan(1, 2, b"x")),
        (Item("A", [Span(0, 0)], True), DItem("A", [DSpan(0, 0)], True)),
    ):
        assert repr(mine).replace("Span", "DSpan").replace("Item", "DItem") == repr(theirs)
    a, b = Item("A"), Item("A")
    b.index.append(1)  # compare=False
    b.cache = "seen"
    assert a == b and a != Item("B") and a != DItem("A")
    assert Span(1, 2) == Span(1, 2) and Span(1, 2) != Span(1, 3)


def test_frozen_records_are_hashable_and_refuse_assignment():
    s = Span(1, 2, b"x")
    assert hash(s) == hash(Span(1, 2, b"x")) and len({s, Span(1, 2, b"x")}) == 1
    with pytest.raises(FrozenInstanceError):
        s.start = 5
    with pytest.raises(FrozenInstanceError):
        del s.end
    assert isinstance(FrozenInstanceError("x"), AttributeError)
    with pytest.raises(TypeError):
        hash(Item("A"))  # compares by value, so not hashable
    assert s.size() == 1 and Span.__doc__.startswith("A frozen")


def test_slots_pickle_copy_and_replace():
    s, i, p = Span(1, 2, b"x"), Item("A", [Span(0, 1)]), Plain(2)
    assert Span.__slots__ == ("start", "end", "text") and not hasattr(s, "__dict__")
    for obj in (s, i, p):
        assert pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)) == obj
        assert copy.copy(obj) == obj and copy.deepcopy(obj) == obj
    r = replace(p, a=5)
    assert (r.a, r.c, r.total) == (5, 3, 8) and p.a == 2  # __post_init__ ran again
    assert replace(i, done=True) == Item("A", [Span(0, 1)], True)
    with pytest.raises(TypeError):
        replace(p, nope=1)


def test_refuses_what_it_does_not_support():
    with pytest.raises(TypeError, match="follows one with a default"):
        @record
        class Bad:
            a: int = 1
            b: int

    with pytest.raises(TypeError, match="not supported"):
        @record
        class Bad2:
            a: ClassVar[int]  # noqa: F821 - a string annotation, never evaluated

    with pytest.raises(ValueError):
        field(default=1, default_factory=list)
    with pytest.raises(ValueError):
        field(init=False)

    class Base:
        pass

    Base.__annotations__ = {"not a name": "int"}
    with pytest.raises(TypeError, match="not an identifier"):
        record(Base)

    @record
    class Parent:
        a: int

    with pytest.raises(TypeError, match="inherit"):
        @record
        class Child(Parent):
            b: int


def test_the_check_path_does_not_import_dataclasses():
    import subprocess
    import sys

    probe = (
        "import sys\nfrom dslim_rewrite.cli import main\n"
        "main(['--check', '-q', sys.argv[1]])\n"
        "print('dataclasses' in sys.modules, 'inspect' in sys.modules)\n"
    )
    from pathlib import Path

    sample = Path(__file__).parent / "corpus" / "001-python-basic.Dockerfile"
    if not sample.exists():
        sample = sorted((Path(__file__).parent / "corpus").glob("*.Dockerfile"))[0]
    out = subprocess.run([sys.executable, "-c", probe, str(sample)], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "False"], out.stderr
