"""Base images: parsing references and looking them up in the knowledge table.

The table is ``transforms/base_images.toml`` (shipped with the transforms).
A project extends it with ``[tool.dslim-rewrite.base-images]``::

    [tool.dslim-rewrite.base-images]
    # exact references (a digest-pinned base is only ever swapped like this)
    "python:3.11@sha256:0123..." = { slim = "python:3.11-slim@sha256:4567..." }
    # a company image: say what it is and what to use instead
    "registry.corp/py-build:3" = { family = "python", runtime = "registry.corp/py-run:3", distro = "bookworm" }
    # runtime images by role (static binaries, glibc + libstdc++ binaries)
    runtimes = { static = "scratch" }

An entry's keys are variant names (``slim``, ``alpine``, ``jre``, ...), ``runtime``
(the image for the runtime stage of a build), ``distroless`` (the image
distroless-runtime may use), ``family``, ``distro``. An entry with ``family``
makes the image known to the transforms; its own keys win over the family's.
"""

from __future__ import annotations

import fnmatch
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

from .patterns import LazyPattern
from .records import field, record

HUB = "docker.io"
_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
_NAME_PART = re.compile(r"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")
_TAG = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")


class ImageError(ValueError):
    pass


@record(frozen=True)
class ImageRef:
    """An image reference as written in ``FROM`` (``[registry/]path[:tag][@digest]``).

    ``name`` is what the table knows it by: an official Docker Hub image by its
    short name (``python``), also when pulled through a mirror that keeps the
    ``library/`` path (``mirror.corp/library/python``); anything else by
    ``registry/path``. ``prefix`` is the text written before ``name``
    (``docker.io/library/``, ``mirror.corp/library/``): a variant in the same
    repository keeps it.
    """

    text: str
    registry: str | None
    path: str
    tag: str | None
    digest: str | None
    name: str
    prefix: str

    @property
    def hub(self) -> bool:
        """Docker Hub, directly or through a mirror of its official images."""
        return self.registry in (None, HUB, "index.docker.io", "registry-1.docker.io") or self.mirror

    @property
    def mirror(self) -> bool:
        return self.registry not in (None, HUB, "index.docker.io", "registry-1.docker.io") and "/" not in self.name

    def with_tag(self, tag: str) -> str:
        """The same repository, as written, with another tag and no digest."""
        return f"{self.prefix}{self.name}:{tag}"


def parse_ref(text: str) -> ImageRef:
    """Parse an image reference. Raises ImageError for variables, ``scratch``
    and what is not a valid reference."""
    if not text or "$" in text:
        raise ImageError(f"{text!r} is not a literal image reference")
    if text == "scratch":
        raise ImageError("scratch is not an image")
    rest, _, digest = text.partition("@")
    if digest and not _DIGEST.match(digest):
        raise ImageError(f"bad digest in {text!r}")
    tag = None
    slash = rest.rfind("/")
    colon = rest.rfind(":")
    if colon > slash:
        rest, tag = rest[:colon], rest[colon + 1:]
        if not _TAG.match(tag):
            raise ImageError(f"bad tag in {text!r}")
    parts = rest.split("/")
    registry = None
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        registry = parts[0]
        parts = parts[1:]
    if not parts or not all(_NAME_PART.match(p) for p in parts):
        raise ImageError(f"bad repository name in {text!r}")
    path = "/".join(parts)
    hub = registry in (None, HUB, "index.docker.io", "registry-1.docker.io")
    if hub and len(parts) == 1:
        name = path
    elif len(parts) >= 2 and parts[-2] == "library":
        name = parts[-1]  # an official image, on Hub or through a mirror
    elif hub:
        name = path
    else:
        name = f"{registry}/{path}"
    prefix = rest[: len(rest) - len(name)]
    return ImageRef(text, registry, path, tag, digest or None, name, prefix)


# ---------------------------------------------------------------------------
# the table


@record
class Family:
    name: str
    images: list[str]
    ecosystem: str
    tag: LazyPattern | None  # compiled when a tag of the family is first read (most runs meet 2-3 of 16)
    defaults: dict
    variants: dict  # name -> list of parts, or {"repo":..., "tag": [...]}
    aliases: dict  # "full"/"slim" -> variant name
    runtime: str | None
    runtime_image: dict | None
    full_only: list[str]
    distro_of: dict
    entrypoint: list[str] | None
    workdir: str | None
    path: str
    env: dict
    users: list[str]
    sizes: dict


@record
class Image:
    """A base image the table knows: its family and what its tag says."""

    ref: ImageRef
    family: Family
    fields: dict
    override: dict = field(default_factory=dict)  # the config entry for this exact reference

    @property
    def variant(self) -> str:
        return self.fields.get("variant") or "full"

    @property
    def ecosystem(self) -> str:
        return self.family.ecosystem

    @property
    def distro(self) -> str | None:
        if "distro" in self.override:
            return self.override["distro"]
        fam = self.family
        if fam.distro_of:
            table = fam.distro_of.get("version", {})
            v = self.fields.get("version") or ""
            return table.get(v, fam.distro_of.get("default") if not v else None)
        d = self.fields.get("distro")
        return d if d else fam.defaults.get("distro")

    def size(self, variant: str | None = None) -> int | None:
        v = variant or self.variant
        v = self.family.aliases.get(v, v)
        return self.family.sizes.get(v)


DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


class Table:
    def __init__(self, data: dict, overrides: dict | None = None):
        self.data = data
        self.meta = data.get("meta", {})
        self.distros: dict = data.get("distros", {})
        self.runtimes: dict = dict(data.get("runtimes", {}))
        self.distroless: dict = data.get("distroless", {})
        self.tool_sets: dict = data.get("tool-sets", {})
        pk = data.get("packages", {})
        self.build_only: list[str] = pk.get("build-only", [])
        self.runtime_of: dict = pk.get("runtime-of", {})
        self.commands_of: dict = pk.get("commands", {})
        self.apk: dict = pk.get("apk", {})
        self.alpine: dict = data.get("alpine", {})
        self.families: dict[str, Family] = {}
        for name, f in data.get("families", {}).items():
            self.families[name] = self._family(name, f)
        self.by_image: dict[str, Family] = {}
        for fam in self.families.values():
            for img in fam.images:
                self.by_image[img] = fam
        self.overrides: dict[str, dict] = {}
        for key, val in (overrides or {}).items():
            if key == "runtimes":
                if not isinstance(val, dict) or not all(isinstance(v, str) for v in val.values()):
                    raise ImageError("base-images.runtimes must map roles to image references")
                self.runtimes.update(val)
                continue
            if not isinstance(val, dict):
                raise ImageError(f"base-images.{key!r} must be a table")
            if "family" in val and val["family"] not in self.families:
                raise ImageError(f"base-images.{key!r}: unknown family {val['family']!r}")
            self.overrides[key] = val

    def _family(self, name: str, f: dict) -> Family:
        variants = dict(f.get("variants", {}))
        aliases = {k: f[k] for k in ("full", "slim") if isinstance(f.get(k), str)}
        fo = f.get("full-only", [])
        if isinstance(fo, str):
            fo = self.tool_sets.get(fo, [])
        return Family(
            name=name,
            images=list(f.get("images", [name])),
            ecosystem=f.get("ecosystem", "os"),
            tag=LazyPattern(f["tag"]) if f.get("tag") else None,
            defaults=dict(f.get("defaults", {})),
            variants=variants,
            aliases=aliases,
            runtime=f.get("runtime"),
            runtime_image=f.get("runtime-image"),
            full_only=list(fo),
            distro_of=dict(f.get("distro-of", {})),
            entrypoint=f.get("entrypoint"),
            workdir=f.get("workdir"),
            path=f.get("path", DEFAULT_PATH),
            env=dict(f.get("env", {})),
            users=list(f.get("users", [])),
            sizes=dict(f.get("sizes", {})),
        )

    # -- lookup ---------------------------------------------------------
    def override_for(self, text: str) -> dict:
        return self.overrides.get(text, {})

    def identify(self, text: str) -> Image | None:
        """The table's view of a base image reference, or None if unknown."""
        try:
            ref = parse_ref(text)
        except ImageError:
            return None
        ov = self.overrides.get(text)
        if ov is None and ref.digest:
            # a digest pins exact bytes: only an exact config entry may swap it
            return None
        if ov and "family" in ov:
            fam = self.families[ov["family"]]
            fields = {k: ov[k] for k in ("version", "variant", "distro") if k in ov}
            return Image(ref, fam, fields, ov)
        fam = self.by_image.get(ref.name)
        if fam is None:
            return None
        fields = {}
        tag = ref.tag or "latest"
        if fam.tag is not None:
            if tag == "latest":
                fields = {}
            else:
                m = fam.tag.match(tag)
                if not m:
                    return None
                fields = {k: v for k, v in m.groupdict().items() if v}
        for k, v in fam.defaults.items():
            fields.setdefault(k, v)
        if fam.name == "distroless":
            fields["kind"] = ref.name.rsplit("/", 1)[1].split("-", 1)[0]
        return Image(ref, fam, fields, ov or {})

    def _render(self, img: Image, spec, fields: dict) -> str | None:
        """Image text for a variant spec (tag parts, or a repo + tag parts)."""
        ref = img.ref
        if isinstance(spec, dict):
            repo = spec["repo"]
            parts = spec.get("tag", [])
        else:
            repo = None
            parts = spec
        out = []
        for p in parts:
            s = p
            for k in re.findall(r"\{(\w+)\}", p):
                s = s.replace("{" + k + "}", str(fields.get(k) or ""))
            if s and s != "full":
                out.append(s)
        tag = "-".join(out) or "latest"
        if repo is None:
            return ref.with_tag(tag)
        # another repository: on Docker Hub, or through the same mirror
        if "/" in ref.name:
            return None
        return f"{ref.prefix}{repo}:{tag}"

    def variant(self, img: Image, name: str) -> str | None:
        """The image text of variant ``name`` (``slim``, ``alpine``, ``jre``...)
        for ``img``, or None if there is none."""
        if name in img.override:
            return img.override[name]
        if img.ref.digest:
            return None
        fam = img.family
        vname = fam.aliases.get(name, name)
        spec = fam.variants.get(vname)
        if spec is None:
            return None
        fields = dict(img.fields)
        if not isinstance(spec, dict) and fields.get("distro") == fam.defaults.get("distro") \
                and not _tag_has(img, fields.get("distro")):
            fields["distro"] = ""  # keep the tag as short as it was
        return self._render(img, spec, fields)

    def is_variant(self, img: Image, name: str) -> bool:
        fam = img.family
        return img.variant == fam.aliases.get(name, name)

    def runtime(self, img: Image) -> str | None:
        """The image for the runtime stage of a build done in ``img``."""
        if "runtime" in img.override:
            return img.override["runtime"]
        if img.ref.digest:
            return None
        fam = img.family
        if fam.runtime_image:
            fields = dict(img.fields)
            fields["release"] = img.distro or ""
            if fields.get("distro") == fam.defaults.get("distro") and not _tag_has(img, fields.get("distro")):
                fields["distro"] = ""
            if not fields["release"] and "{release}" in str(fam.runtime_image):
                return None
            return self._render(img, fam.runtime_image, fields)
        if fam.runtime == "full":
            return img.ref.text
        if fam.runtime:
            if self.is_variant(img, fam.runtime):
                return img.ref.text
            return self.variant(img, fam.runtime)
        return None

    def distro_slim(self, img: Image) -> str | None:
        """The slim OS image of the builder's release, on the same registry
        (Docker Hub, or the mirror the builder comes through)."""
        if "distro-slim" in img.override:
            return img.override["distro-slim"]
        d = img.distro
        slim = self.distros.get(d or "", {}).get("slim")
        if not slim or not img.ref.hub:
            return None
        return img.ref.prefix + slim

    def role(self, img: Image, role: str) -> str | None:
        """A runtime image by role (``static``, ``base``, ``cc``) for the
        builder's Debian release, or None (unknown release, or a mirror that
        cannot be assumed to serve another registry)."""
        pattern = self.runtimes.get(role)
        if not pattern:
            return None
        d = img.distro
        info = self.distros.get(d or "", {})
        if "{distroless}" in pattern:
            suffix = info.get("distroless")
            if not suffix:
                return None
            pattern = pattern.replace("{distroless}", suffix)
        if pattern == "scratch":
            return pattern
        try:
            target = parse_ref(pattern)
        except ImageError:
            return None
        if img.ref.mirror and target.registry != img.ref.registry:
            return None  # a mirror's users may not reach another registry
        return pattern

    def users(self, image_text: str) -> set[str] | None:
        """Users an image defines by name (None: cannot tell)."""
        img = self.identify(image_text)
        if img is None:
            if image_text == "scratch":
                return {"0"}
            return None
        if img.family.name == "distroless":
            return set(self.distroless.get("users", []))
        base = {"root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy",
                "www-data", "backup", "list", "irc", "nobody", "_apt"}
        return base | set(img.family.users)

    def image_path(self, image_text: str) -> str | None:
        if image_text == "scratch":
            return ""
        img = self.identify(image_text)
        if img is None:
            return None
        if img.family.name == "distroless":
            return self.distroless.get("path", DEFAULT_PATH)
        return img.family.path

    def family_of(self, image_text: str) -> Family | None:
        """The family of an image, also when pinned by digest (for facts that
        hold for every tag: ENTRYPOINT, users, PATH)."""
        img = self.identify(image_text)
        if img is not None:
            return img.family
        try:
            ref = parse_ref(image_text)
        except ImageError:
            return None
        ov = self.overrides.get(image_text, {})
        if "family" in ov:
            return self.families[ov["family"]]
        return self.by_image.get(ref.name)

    def entrypoint(self, image_text: str) -> list[str] | None | bool:
        """The ENTRYPOINT an image sets ([] for none); False: unknown image."""
        if image_text == "scratch":
            return []
        fam = self.family_of(image_text)
        if fam is None:
            return False
        return list(fam.entrypoint or [])

    def is_build_only(self, package: str) -> bool:
        return any(fnmatch.fnmatchcase(package, pat) for pat in self.build_only)

    def runtime_packages_of(self, package: str, distro: str | None) -> list[str] | None:
        """Runtime packages a build-only package leaves a need for; None: cannot tell."""
        table = self.runtime_of.get(distro or "", {})
        if package in table:
            return list(table[package])
        if package.endswith("-dev") or "jdk" in package:
            return None
        return []

    def provided_commands(self, packages) -> set[str]:
        out: set[str] = set()
        for p in packages:
            out |= set(self.commands_of.get(p, [p]))
        return out

    def size_estimate(self, before: str, after: str) -> str | None:
        """'~880 MB' style estimate of what a swap saves, or None."""
        a = self.identify(before)
        b = self.identify(after)
        if a is None or b is None:
            return None
        sa = a.size()
        if b.family.name == "distroless":
            sb = b.family.sizes.get(b.fields.get("kind", ""))
        else:
            sb = b.size()
        if not sa or not sb or sa <= sb:
            return None
        return f"base image about {sa - sb} MB smaller: an estimate from public sizes as of {self.meta.get('sizes-taken', '?')}"


def _tag_has(img: Image, value: str | None) -> bool:
    return bool(value) and bool(img.ref.tag) and value in img.ref.tag.split("-")


# ---------------------------------------------------------------------------

TABLE_FILE = "base_images.toml"
# The same table as JSON, written by `python -m dslim_rewrite.images`: it loads
# in a tenth of the time. Used only while it records the TOML's current hash,
# so an edited TOML is never shadowed by a stale copy.
TABLE_JSON = "base_images.json"


def _table_dir() -> Path:
    from . import transforms

    return Path(transforms.__file__).resolve().parent


def _source_hash(raw: bytes) -> str:
    """Which TOML the JSON copy was made from: a staleness check, not a
    security one (zlib loads in a fraction of hashlib's start-up time)."""
    import zlib

    return f"{zlib.crc32(raw):08x}-{len(raw)}"


def _parse_toml(raw: bytes) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(raw.decode("utf-8"))


@lru_cache(maxsize=1)
def _builtin() -> dict:
    folder = _table_dir()
    raw = (folder / TABLE_FILE).read_bytes()
    try:
        cached = json.loads((folder / TABLE_JSON).read_bytes())
        if cached.get("source-crc32") == _source_hash(raw):
            return cached["table"]
    except (OSError, ValueError, AttributeError):
        pass
    return _parse_toml(raw)


def write_json() -> Path:
    """Write the JSON copy of the table beside the TOML (run after editing it)."""
    folder = _table_dir()
    raw = (folder / TABLE_FILE).read_bytes()
    data = {"source-crc32": _source_hash(raw), "table": _parse_toml(raw)}
    out = folder / TABLE_JSON
    out.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


_cache: dict[str, Table] = {}


def table(settings: dict | None = None) -> Table:
    """The knowledge table, with ``settings["base-images"]`` applied."""
    ov = (settings or {}).get("base-images") or {}
    if not isinstance(ov, dict):
        raise ImageError("base-images must be a table")
    key = json.dumps(ov, sort_keys=True, default=str) if ov else ""  # every file asks: no dumps for no settings
    t = _cache.get(key)
    if t is None:
        t = Table(_builtin(), ov)
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = t
    return t


if __name__ == "__main__":
    print(f"wrote {write_json()}")
