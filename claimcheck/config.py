"""Project configuration for `claimcheck check` (and the pytest plugin).

Where it is read from, nearest first:

- ``--config FILE`` (a ``.toml`` file holding the keys at top level, or a ``pyproject.toml`` with a
  ``[tool.claimcheck]`` table, or a ``.yaml``/``.yml`` file);
- otherwise the nearest directory, starting at the first checked path (its directory when it is a
  file) and walking up to the filesystem root, holding one of ``.claimcheck.toml``,
  ``.claimcheck.yaml``, ``.claimcheck.yml`` or a ``pyproject.toml`` *with* a ``[tool.claimcheck]``
  table (a pyproject.toml without one is passed over). In one directory that is also the order of
  precedence;
- ``--isolated`` ignores every configuration file.

Keys (all optional)::

    reference = "claims.yaml"          # relative to the configuration file
    include = ["copy/**"]              # globs; a discovered file must match one (default: all)
    exclude = ["drafts/**", "*.txt"]   # globs; a discovered file matching one is skipped
    force-exclude = false              # also apply include/exclude to files named on the command line
    fail-on = "warning"                # error | warning | info | never
    select = ["CC101", "absolute-claim"]
    ignore = ["missing-safety-information"]
    severity = {absolute-claim = "error"}
    format = "github"
    baseline = ".claimcheck-baseline.json"  # relative to the configuration file

Globs are matched against the file's path relative to the configuration file's directory, with
forward slashes. ``*`` and ``?`` never cross a ``/``; ``**`` matches any number of directories. A
glob without ``/`` is matched against every component of the path (``*.txt`` = any .txt file,
``drafts`` = anything under a directory called drafts); a glob with ``/`` is matched from the
configuration directory (a leading ``/`` or ``./`` is optional), and also matches everything
below a directory it matches.

Unknown keys and values of the wrong type are errors naming the file (and the line, for YAML):
`ConfigError`, a `ValueError` with a one-line message.
"""
from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAMES = (".claimcheck.toml", ".claimcheck.yaml", ".claimcheck.yml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
KEYS = ("reference", "include", "exclude", "force-exclude", "fail-on", "select", "ignore", "severity", "format",
        "baseline")


class ConfigError(ValueError):
    """A configuration file that cannot be used; `str()` is one line naming the file."""


@dataclass
class Config:
    """Settings from a configuration file; every field is None (or empty) when not set."""

    path: str | None = None  # the file they came from (None: no file)
    reference: str | None = None  # absolute
    include: list[str] | None = None
    exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False
    fail_on: str | None = None
    select: list[str] | None = None  # rule names
    ignore: list[str] | None = None  # rule names
    severity: dict[str, str] = field(default_factory=dict)  # rule name -> severity
    format: str | None = None
    baseline: str | None = None  # absolute

    @property
    def root(self) -> str:
        """The directory globs are relative to: the configuration file's, else the working directory."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    # -- files ---------------------------------------------------------------------------------
    def wants(self, path: str | os.PathLike) -> bool:
        """Whether include/exclude let `path` through."""
        rel = _relative(path, self.root)
        if self.include is not None and not any(glob_match(p, rel) for p in self.include):
            return False
        return not any(glob_match(p, rel) for p in self.exclude)

    def files(self, paths: Iterable[str | os.PathLike], force_exclude: bool | None = None) -> Iterator[str]:
        """The files to check under `paths` (as `claimcheck.checker.iter_paths` finds them), with
        include/exclude applied to files found in directories, and to files named directly too when
        `force_exclude` (default: the config's `force-exclude`)."""
        from .checker import iter_paths

        force = self.force_exclude if force_exclude is None else force_exclude
        for raw in paths:
            explicit = not Path(raw).is_dir()
            for path in iter_paths([raw]):
                if (explicit and not force) or self.wants(path):
                    yield path


# -- discovery ---------------------------------------------------------------------------------
def find_config(start: str | os.PathLike) -> str | None:
    """The nearest configuration file for `start` (a file or directory, existing or not)."""
    p = Path(os.path.abspath(start))
    directory = p if p.is_dir() else p.parent
    for d in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(candidate):
                continue
            return str(candidate)
    return None


def discover(paths: Iterable[str | os.PathLike], config_file: str | None = None, isolated: bool = False) -> Config:
    """The configuration for a run over `paths`: `config_file` when given, else the nearest to the
    first path; an empty `Config` when `isolated` or when there is none."""
    if isolated:
        return Config()
    if config_file:
        return load_config(config_file)
    first = next(iter(paths), None)
    found = find_config(first if first is not None else os.getcwd())
    return load_config(found) if found else Config()


def _has_tool_table(path: Path) -> bool:
    data = _read_toml(str(path))
    tool = data.get("tool")
    return isinstance(tool, dict) and "claimcheck" in tool


def _read_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


# -- loading -----------------------------------------------------------------------------------
def load_config(path: str | os.PathLike) -> Config:
    """Read and validate one configuration file."""
    path = str(path)
    name = os.path.basename(path)
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: no such configuration file")
    if name.endswith((".yaml", ".yml")):
        from .reference.yamlfile import YamlError, load_yaml_file

        try:
            data = load_yaml_file(path)
        except YamlError as exc:
            raise ConfigError(str(exc)) from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:{getattr(data, 'line', 0) or 1}: expected a mapping of settings")

        def where(container: Any, key: Any) -> str:
            line = container.line_of(key) if hasattr(container, "line_of") else getattr(container, "line", 0)
            return f"{path}:{line}" if line else path

        return _validate(data, path, where)
    toml = _read_toml(path)
    if name == "pyproject.toml":
        tool = toml.get("tool")
        table = tool.get("claimcheck") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}: no [tool.claimcheck] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.claimcheck must be a table")
        location = f"{path}: [tool.claimcheck]"
    else:
        table, location = toml, path
    return _validate(table, path, lambda container, key: location)


def _validate(data: dict, path: str, where) -> Config:
    """Check every key of `data`; `where(container, key)` names the file (and line) of a key."""
    from .checks import RULES, UnknownRuleError, resolve_rule
    from .report import FORMATS

    base = os.path.dirname(os.path.abspath(path))
    cfg = Config(path=path)

    def fail(container: Any, key: Any, message: str, name: str | None = None) -> None:
        prefix = f"{name}: " if name else ""
        raise ConfigError(f"{where(container, key)}: {prefix}{message}")

    def string(key: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            fail(data, key, f"expected a non-empty string, got {_type_name(value)}", key)
        return value

    def strings(key: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            fail(data, key, f"expected a list of strings, got {_type_name(value)}", key)
        return list(value)

    def rule(container: Any, key: str, value: str, name: str) -> str:
        try:
            return resolve_rule(value).name
        except UnknownRuleError:
            known = ", ".join(f"{r.name} ({r.code})" for r in RULES.values())
            fail(container, key, f"unknown rule {value!r}; known rules: {known}", name)
        raise AssertionError  # pragma: no cover

    def choice(key: str, value: Any, choices: Iterable[str]) -> str:
        choices = tuple(choices)
        if not isinstance(value, str) or value not in choices:
            fail(data, key, f"expected one of {', '.join(choices)}, got {value!r}", key)
        return value

    for key, value in data.items():
        if not isinstance(key, str) or key not in KEYS:
            hint = difflib.get_close_matches(str(key).replace("_", "-"), KEYS, n=1)
            fail(data, key, f"unknown key {key!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
                 + f"; known keys: {', '.join(KEYS)}")
        if key == "reference":
            cfg.reference = os.path.normpath(os.path.join(base, string(key, value)))
        elif key == "baseline":
            cfg.baseline = os.path.normpath(os.path.join(base, string(key, value)))
        elif key == "include":
            cfg.include = strings(key, value)
        elif key == "exclude":
            cfg.exclude = strings(key, value)
        elif key == "force-exclude":
            if not isinstance(value, bool):
                fail(data, key, f"expected true or false, got {_type_name(value)}", key)
            cfg.force_exclude = value
        elif key == "fail-on":
            cfg.fail_on = choice(key, value, FAIL_ON)
        elif key == "format":
            cfg.format = choice(key, value, FORMATS)
        elif key in ("select", "ignore"):
            values = strings(key, value)
            setattr(cfg, key, [rule(data, key, v, key) for v in values])
        elif key == "severity":
            if not isinstance(value, dict):
                fail(data, key, f"expected a table of rule = severity, got {_type_name(value)}", key)
            for r, sev in value.items():
                if not isinstance(r, str):
                    fail(value, r, f"expected a rule name or code as key, got {r!r}", key)
                if not isinstance(sev, str) or sev not in SEVERITIES:
                    fail(value, r, f"expected one of {', '.join(SEVERITIES)}, got {sev!r}", f"severity.{r}")
                cfg.severity[rule(value, r, r, f"severity.{r}")] = sev
    return cfg


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if value is None:
        return "nothing"
    return type(value).__name__


# -- globs -------------------------------------------------------------------------------------
def _relative(path: str | os.PathLike, root: str) -> str:
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        return Path(absolute).as_posix()
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


_GLOB_CACHE: dict[str, re.Pattern[str]] = {}


def _translate(glob: str) -> re.Pattern[str]:
    cached = _GLOB_CACHE.get(glob)
    if cached is not None:
        return cached
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        c = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = glob.find("]", i + 2)
            if j == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = glob[i + 1 : j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    pattern = re.compile("".join(out) + r"\Z")
    _GLOB_CACHE[glob] = pattern
    return pattern


def glob_match(glob: str, rel: str) -> bool:
    """Whether the relative posix path `rel` matches `glob` (see the module docstring)."""
    g = glob.strip()
    if g.startswith("./"):
        g = g[2:]
    anchored = g.startswith("/")
    g = g.strip("/")
    if not g:
        return False
    parts = rel.split("/")
    pattern = _translate(g)
    if "/" not in g and not anchored:
        return any(pattern.match(part) for part in parts)
    return any(pattern.match("/".join(parts[:k])) for k in range(1, len(parts) + 1))
