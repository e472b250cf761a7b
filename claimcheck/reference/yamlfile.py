"""Load YAML with PyYAML's safe loader, keeping the line of every mapping key.

Mappings become `LineDict`s so that validation errors can name the line of the field at fault;
duplicate keys are errors, as are tags outside the safe set (e.g. ``!!python/object``).
"""
from __future__ import annotations

from typing import Any

import yaml

MAX_YAML_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64


class YamlError(Exception):
    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path, self.line, self.message = path, line, message


class LineDict(dict):
    """A dict that remembers the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing nesting deeper than MAX_DEPTH while composing (with the line), so
    that "[[[[..." is a clear error rather than a RecursionError deep inside PyYAML."""

    def __init__(self, stream: str, path: str) -> None:
        super().__init__(stream)
        self._path = path
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: D102 - PyYAML's composer
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise YamlError(self._path, mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "mapping key must be a scalar", key_node.start_mark)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {result.key_lines.get(key)})", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _check_depth(node: yaml.Node, path: str) -> None:
    stack = [(node, 1)]
    seen = 0
    while stack:
        current, depth = stack.pop()
        seen += 1
        if depth > MAX_DEPTH:
            raise YamlError(path, current.start_mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels")
        if seen > 2_000_000:
            raise YamlError(path, current.start_mark.line + 1, "document too large")
        if isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                stack.append((k, depth + 1))
                stack.append((v, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((c, depth + 1) for c in current.value)


def load_yaml_text(text: str, path: str) -> Any:
    if len(text) > MAX_YAML_BYTES:
        raise YamlError(path, None, f"file too large ({len(text)} characters; limit {MAX_YAML_BYTES})")
    loader: _Loader | None = None
    try:
        loader = _Loader(text, path)  # the reader refuses non-printable characters (NUL...) here
        node = loader.get_single_node()
        if node is None:
            return None
        _check_depth(node, path)
        return loader.construct_document(node)
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "could not determine a constructor" in problem:
            problem = f"unsupported YAML tag ({problem.split('tag')[-1].strip()}); only plain YAML is accepted"
        raise YamlError(path, line, f"YAML error: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise YamlError(path, line, f"YAML error: unacceptable character U+{ord(char):04X} ({exc.reason})") from None
    except yaml.YAMLError as exc:
        first = (str(exc).splitlines() or ["invalid YAML"])[0]
        raise YamlError(path, None, f"YAML error: {first}") from None
    except RecursionError:
        raise YamlError(path, None, "YAML nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def load_yaml_file(path: str) -> Any:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_YAML_BYTES + 1)
    except FileNotFoundError:
        raise YamlError(path, None, "no such file") from None
    except PermissionError:
        raise YamlError(path, None, "permission denied") from None
    except IsADirectoryError:
        raise YamlError(path, None, "is a directory") from None
    except OSError as exc:
        raise YamlError(path, None, exc.strerror or str(exc)) from None
    if len(data) > MAX_YAML_BYTES:
        # checked on the bytes: the first MAX_YAML_BYTES + 1 bytes of a larger file may decode to fewer
        # characters than the limit (or end inside a character) and must not be read as a shorter file
        raise YamlError(path, None, f"file too large (more than {MAX_YAML_BYTES} bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(path, None, f"not valid UTF-8 (byte {exc.start})") from None
    return load_yaml_text(text, path)
