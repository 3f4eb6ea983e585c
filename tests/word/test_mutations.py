"""Damaged but well-formed files (attributes with garbage values, elements removed or moved): the reader
returns a tree or a WordFileError, never another exception."""
from __future__ import annotations

import random
import zipfile

import pytest
from lxml import etree

from generator.core.errors import WordFileError
from generator.word import read_docx

TARGETS = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "word/comments.xml",
           "word/header_rIdH1.xml", "word/_rels/document.xml.rels"]
GARBAGE = ["", "abc", "-1", "99999999999", "1.5", "restart", "auto", "%9", "rId404", "0", "1e400"]


def _mutate(rng: random.Random, data: bytes) -> bytes:
    root = etree.fromstring(data)
    for _ in range(rng.randint(1, 6)):
        nodes = list(root.iter())
        node = rng.choice(nodes)
        op = rng.random()
        if op < 0.45 and node.attrib:
            node.set(rng.choice(list(node.attrib)), rng.choice(GARBAGE))
        elif op < 0.65 and node.getparent() is not None:
            node.getparent().remove(node)
        elif op < 0.8 and node.attrib:
            del node.attrib[rng.choice(list(node.attrib))]
        elif node.getparent() is not None:
            other = rng.choice(nodes)
            if other is not node and node not in other.iterancestors():
                node.getparent().remove(node)
                other.append(node)
    return etree.tostring(root)


@pytest.mark.parametrize("seed", range(4))
def test_mutated_files_never_crash(rich_docx, tmp_path, seed):
    with zipfile.ZipFile(rich_docx) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    rng = random.Random(seed)
    read = refused = 0
    for i in range(40):
        name = rng.choice(TARGETS)
        data = dict(parts, **{name: _mutate(rng, parts[name])})
        path = tmp_path / f"m{i}.docx"
        with zipfile.ZipFile(path, "w") as zf:
            for part, content in data.items():
                zf.writestr(part, content)
        try:
            result = read_docx(path)
        except WordFileError:
            refused += 1
        else:
            read += 1
            assert all(p.index == i for i, p in enumerate(result.value.paragraphs()))
    assert read > refused  # most damage is survivable
