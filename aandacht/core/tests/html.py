"""A small HTML reader for tests: find elements by tag and attributes.

Asserting on structure (an id, a `disabled` attribute, a link inside the
navigation) keeps the tests independent of the exact wording, which the
translators change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID |= {"source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]  # a bare attribute such as `disabled` has ""
    children: list[Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())

    def find_all(self, tag: str, **attrs: str | bool) -> list[Element]:
        """Every descendant `tag` whose attributes have the given values.

        Use `class_` for `class`; a value of `True` only asks the attribute exists.
        """
        wanted = {name.rstrip("_").replace("_", "-"): v for name, v in attrs.items()}
        found = []
        for child in self.children:
            if child.tag == tag and all(
                (name in child.attrs)
                if value is True
                else child.attrs.get(name) == value
                for name, value in wanted.items()
            ):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found

    def find(self, tag: str, **attrs: str | bool) -> Element:
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]


def _attrs(pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    return {name: value or "" for name, value in pairs}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, _attrs(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, _attrs(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.parts.append(data)


def parse(content: bytes | str) -> Element:
    builder = _TreeBuilder()
    builder.feed(content.decode() if isinstance(content, bytes) else content)
    builder.close()
    return builder.root
