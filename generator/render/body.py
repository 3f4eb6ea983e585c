"""The body of the plan as paragraphs: legal bases, preamble, the sections (I., II.) and their blocks —
text, bullets, subsections, targets, responsibilities (responsibilities.py), funding, references to
appendices — and the closing sentence. Numbering follows the section's scheme ('1.', '1.1.', 'a)')."""
from __future__ import annotations

from generator import nd30
from generator.core.text import upper
from generator.nd30.labels import roman
from generator.plan.model import (
    AppendixRef,
    Bullet,
    Bullets,
    FundingBlock,
    ResponsibilitiesBlock,
    Subsection,
    TargetsBlock,
)
from generator.render.header import strip_end
from generator.render.lookups import Lookups
from generator.render.model import Para, Source
from generator.render.responsibilities import responsibilities


def appendix_sentence(before: str, labels: str, after: str) -> str:
    """'(Chi tiết tại Phụ lục I kèm theo)': a space between the parts, none before punctuation that
    `after` starts with (', Phụ lục …' → 'Phụ lục I, …') nor after an opening bracket `before` ends with."""
    head, tail = before.rstrip(), after.strip()
    if head and not head.endswith(("(", "“")):
        head += " "
    text = head + labels
    if tail:
        text += ("" if tail[0] in ",.;:)”" else " ") + tail
    return text


class Body:
    """Builds the body for one plan; holds the numbering state: the scheme of the section being built
    and the numbers of the items above the current one (so '1.1.' can name its parents)."""

    def __init__(self, builder: Lookups):
        self.builder = builder
        self.plan = builder.plan
        self.agencies = builder.agencies
        self.scheme = self.plan.numbering  # the numbering of the section being built
        self._numbers: list[int] = []  # numbers of the items above the current one

    def paragraphs(self) -> list[Para]:
        out: list[Para] = [Para("legal", text + (";" if i < len(self.plan.legal_bases) - 1 else "."),
                                source=Source(("legal_bases", i)))
                           for i, text in enumerate(strip_end(b) for b in self.plan.legal_bases)]
        out += [Para("text", text, source=Source(("preamble", i))) for i, text in enumerate(self.plan.preamble)]
        for i, section in enumerate(self.plan.sections):
            out.append(Para("section", upper(section.title), label=f"{roman(i + 1)}.", bold=True,
                            source=Source(("sections", i, "title"), "upper")))
            self.scheme = section.numbering or self.plan.numbering
            out += self.blocks(section.content, depth=1, path=("sections", i, "content"))
        self.scheme = self.plan.numbering
        out.append(Para("closing", nd30.closing(self.plan.closing), source=Source(("closing",))))
        return out

    def blocks(self, blocks: list, depth: int, path: tuple = ()) -> list[Para]:
        """`depth` 1 = directly under a section: subsections there are '1.', one deeper 'a)'.
        `path`: where `blocks` sits in the plan (for the sources of the paragraphs)."""
        builder = self.builder
        out: list[Para] = []
        counter = 0
        for j, block in enumerate(blocks):
            here = path + (j,)
            if isinstance(block, str):
                out.append(Para("text", block, source=Source(here)))
            elif isinstance(block, Bullets):
                out += self.bullets(block.bullets, level=1, path=here + ("bullets",))
            elif isinstance(block, Subsection):
                counter += 1
                out += self.subsection(block, depth, counter, here)
            elif isinstance(block, TargetsBlock):
                for tid in block.targets:
                    sentence = builder.target_sentence(builder.targets[tid])
                    source = builder.target_source(tid)
                    out.append(Para("bullet", sentence, label="-", source=source) if block.style == "bullets"
                               else Para("text", sentence, source=source))
            elif isinstance(block, ResponsibilitiesBlock):
                paras, counter = responsibilities(self, block, depth, counter)
                out += paras
            elif isinstance(block, FundingBlock):
                out += self.blocks(self.plan.funding, depth, ("funding",))
            elif isinstance(block, AppendixRef):
                ids = [block.appendix] if isinstance(block.appendix, str) else block.appendix
                labels = ", ".join(builder.appendix_labels[a] for a in ids)  # "Phụ lục I, Phụ lục II"
                out.append(Para("text", appendix_sentence(block.before, labels, block.after),
                                source=Source(here, "appendix_ref")))
        return out

    def heading(self, depth: int, n: int, title: str, source: Source | None = None) -> Para:
        """A titled item: bold at the numbered levels ('1.', '1.1.'), and at lettered ones when the
        scheme says so (ND30 prints points plain)."""
        label = self.clause_label(depth, n)
        fmt = self.level_format(depth)
        if fmt in ("1.", "1.1.") or self.scheme.bold_titled_points:
            return Para("heading", title, label=label, bold=True, source=source)
        return Para("point", title, label=label, source=source)

    def level_format(self, depth: int) -> str:
        levels = self.scheme.levels
        return levels[depth - 1] if depth <= len(levels) else "(1)"

    def clause_label(self, depth: int, n: int) -> str:
        """The label of item `n` at `depth`; remembers it so '1.1.' can name its parents."""
        del self._numbers[depth - 1:]
        self._numbers += [0] * (depth - 1 - len(self._numbers)) + [n]
        fmt = self.level_format(depth)
        if fmt == "1.":
            return f"{n}."
        if fmt == "1.1.":
            start = next((d for d in range(depth - 1, 0, -1) if self.level_format(d) not in ("1.", "1.1.")), 0)
            return ".".join(str(x) for x in self._numbers[start:depth]) + "."
        if fmt == "a)" and n <= len(nd30.POINT_LETTERS):
            return nd30.point_label(n)
        return f"({n})"

    def subsection(self, block: Subsection, depth: int, n: int, path: tuple = ()) -> list[Para]:
        if block.title is not None:
            first = self.heading(depth, n, block.title, Source(path + ("title",)))
        else:
            if block.text is not None:
                text, source = block.text, Source(path + ("text",))
            else:
                builder = self.builder
                text, source = (builder.target_sentence(builder.targets[block.target]),
                                builder.target_source(block.target))
            first = Para("clause", text, label=self.clause_label(depth, n), source=source)
        return [first] + self.blocks(block.content, depth + 1, path + ("content",))

    def bullets(self, items: list, level: int, path: tuple = ()) -> list[Para]:
        out = []
        for k, item in enumerate(items):
            text = item.text if isinstance(item, Bullet) else item
            source = Source(path + ((k, "text") if isinstance(item, Bullet) else (k,)))
            out.append(Para("bullet" if level == 1 else "sub_bullet", text, label="-" if level == 1 else "+",
                            source=source))
            if isinstance(item, Bullet):
                out += self.bullets(item.bullets, level + 1, path + (k, "bullets"))
        return out
