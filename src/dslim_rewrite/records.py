"""Record classes, declared like dataclasses, at a fraction of their start-up cost.

Every run imports about forty small classes (instructions, words, edits,
fixes...). With ``dataclasses`` they took about 22 ms of each start: the module
and ``inspect`` it imports, then several generated methods per class, each
compiled on its own. ``record`` compiles one ``__init__`` per class and shares
plain ``__repr__``, ``__eq__`` and ``__hash__`` functions that read the field
list. What it supports is what this project uses:

- fields are the class's own annotations, in order; a class attribute is the
  default, ``field(default_factory=...)`` a default made per instance,
  ``field(repr=False, compare=False)`` leaves a field out of ``repr``/``==`` and
  ``field(default=..., init=False)`` out of ``__init__``;
- ``slots=True`` gives the class ``__slots__`` (like dataclasses, by building it
  again); ``frozen=True`` refuses assignment and makes instances hashable;
  otherwise a record compares by value and is not hashable;
- ``__post_init__`` runs after ``__init__``; ``replace`` copies with changes.

No inheritance between records, no ``ClassVar`` or keyword-only fields: a class
that needs them fails loudly here.
"""

from __future__ import annotations

from keyword import iskeyword

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen record."""


class Field:
    __slots__ = ("default", "default_factory", "init", "repr", "compare")

    def __init__(self, default, default_factory, init: bool, repr: bool, compare: bool) -> None:
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare


def field(*, default=_MISSING, default_factory=_MISSING, init: bool = True, repr: bool = True,
          compare: bool = True):
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("a field takes default or default_factory, not both")
    if not init and default is _MISSING and default_factory is _MISSING:
        raise ValueError("a field left out of __init__ needs a default")
    return Field(default, default_factory, init, repr, compare)


def record(cls=None, /, *, frozen: bool = False, slots: bool = False):
    """Class decorator: ``@record``, ``@record(slots=True)``, ``@record(frozen=True)``."""

    def wrap(cls):
        return _build(cls, frozen, slots)

    return wrap if cls is None else wrap(cls)


def _build(cls, frozen: bool, slots: bool):
    if any(hasattr(b, "__record_fields__") for b in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: records do not inherit from records")
    names = list(cls.__dict__.get("__annotations__", {}))
    specs: list[tuple[str, Field]] = []
    for name in names:
        if not name.isidentifier() or iskeyword(name):  # only names go into the compiled source
            raise TypeError(f"{cls.__name__}: field name {name!r} is not an identifier")
        ann = cls.__annotations__[name]
        if isinstance(ann, str) and ann.startswith(("ClassVar", "InitVar", "KW_ONLY")):
            raise TypeError(f"{cls.__name__}.{name}: {ann} is not supported by record")
        value = cls.__dict__.get(name, _MISSING)
        spec = value if isinstance(value, Field) else Field(value, _MISSING, True, True, True)
        if _required(spec) and any(s.init and not _required(s) for _, s in specs):
            raise TypeError(f"{cls.__name__}.{name}: a field without a default follows one with a default")
        specs.append((name, spec))

    # one compiled __init__: positional-or-keyword parameters, like dataclasses
    env: dict[str, object] = {"_MISSING": _MISSING, "_set": object.__setattr__}
    params, body = ["self"], []
    for name, spec in specs:
        if not spec.init:
            if spec.default_factory is not _MISSING:
                env[f"_f_{name}"] = spec.default_factory
                value = f"_f_{name}()"
            else:
                env[f"_d_{name}"] = spec.default
                value = f"_d_{name}"
        elif spec.default_factory is not _MISSING:
            env[f"_f_{name}"] = spec.default_factory
            params.append(f"{name}=_MISSING")
            value = f"_f_{name}() if {name} is _MISSING else {name}"
        else:
            if spec.default is not _MISSING:
                env[f"_d_{name}"] = spec.default
                params.append(f"{name}=_d_{name}")
            else:
                params.append(name)
            value = name
        body.append(f"_set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
    if "__post_init__" in cls.__dict__:
        body.append("self.__post_init__()")
    src = f"def __init__({', '.join(params)}):\n    " + "\n    ".join(body or ["pass"]) + "\n"
    exec(src, env)  # noqa: S102 - source built above from the class's own field names
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"

    methods: dict[str, object] = {
        "__init__": init,
        "__record_fields__": tuple(name for name, _ in specs),
        "__record_init__": tuple(name for name, s in specs if s.init),
        "__record_repr__": tuple(name for name, s in specs if s.repr),
        "__record_compare__": tuple(name for name, s in specs if s.compare),
    }
    own = cls.__dict__
    if "__repr__" not in own:
        methods["__repr__"] = _repr
    if "__eq__" not in own:
        methods["__eq__"] = _eq
    if frozen:
        methods["__setattr__"] = _frozen_setattr
        methods["__delattr__"] = _frozen_delattr
        if own.get("__hash__") is None:
            methods["__hash__"] = _hash
    elif own.get("__hash__") is None:
        methods["__hash__"] = None  # compares by value, so not hashable (as dataclasses do)
    if not slots:
        for name, spec in specs:
            if isinstance(own.get(name), Field):
                if spec.default is _MISSING:
                    delattr(cls, name)
                else:
                    setattr(cls, name, spec.default)
        for key, value in methods.items():
            setattr(cls, key, value)
        return cls
    # slots can only be given when a class is made: make it again, as dataclasses do
    attrs = {k: v for k, v in own.items() if k not in ("__dict__", "__weakref__")}
    for name, _ in specs:
        attrs.pop(name, None)  # a default cannot stay a class attribute beside its slot
    attrs["__slots__"] = tuple(name for name, _ in specs)
    if frozen:  # pickle and copy set slots with setattr: go around the freeze
        attrs["__getstate__"] = _getstate
        attrs["__setstate__"] = _setstate
    attrs.update(methods)
    return type(cls)(cls.__name__, cls.__bases__, attrs)


def _required(spec: Field) -> bool:
    return spec.default is _MISSING and spec.default_factory is _MISSING


def _values(obj, names) -> tuple:
    return tuple(getattr(obj, n) for n in names)


def _repr(self) -> str:
    inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record_repr__)
    return f"{type(self).__qualname__}({inner})"


def _eq(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = self.__record_compare__
    return _values(self, names) == _values(other, names)


def _hash(self) -> int:
    return hash(_values(self, self.__record_compare__))


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self):
    return _values(self, self.__record_fields__)


def _setstate(self, state) -> None:
    for name, value in zip(self.__record_fields__, state):
        object.__setattr__(self, name, value)


def replace(obj, **changes):
    """A copy of record ``obj`` with some fields changed."""
    kwargs = {n: getattr(obj, n) for n in obj.__record_init__}
    unknown = set(changes) - set(kwargs)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    kwargs.update(changes)
    return type(obj)(**kwargs)
