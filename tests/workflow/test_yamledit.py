"""The shared surgical YAML editor: each edit changes only its own lines, everything else (comments,
order, quoting, folding, indentation) stays byte for byte; every result reads back as intended."""
from __future__ import annotations

import difflib

import yaml

import pytest

from generator.workflow.yamledit import YamlEditor, get, quoted

SOURCE = """\
# a comment on top
id: ke-hoach   # trailing comment
plain: Một câu thường
single: 'nháy đơn'
double: "nháy kép"
folded: >-
  Một đoạn dài được gấp lại trên nhiều dòng để giữ độ rộng của tệp, như
  các kế hoạch trong thư mục plans.
literal: |-
  dòng một
  dòng hai
number: 4.5
items:
  # chú thích của mục đầu
  - một
  - id: hai
    text: Hai
    lead: [so-noi-vu, so-tc]
  - >-
    ba gấp
    lại
other:
  - x
after: cuối
"""


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines()).get_opcodes():
        if op != "equal":
            removed += before.splitlines()[i1:i2]
            added += after.splitlines()[j1:j2]
    return removed, added


def edit(action) -> tuple[str, dict]:
    editor = YamlEditor(SOURCE)
    action(editor, editor.root)
    out = editor.apply()
    return out, yaml.safe_load(out)


def test_scalar_edits_keep_each_style():
    def act(e, root):
        e.set_scalar(get(root, "plain"), "Câu đã sửa: có dấu hai chấm")
        e.set_scalar(get(root, "single"), "it's")
        e.set_scalar(get(root, "double"), 'có "ngoặc"')
        e.set_scalar(get(root, "folded"), "Đoạn mới " + "rất dài " * 20 + "hết.")
        e.set_scalar(get(root, "literal"), "một\nhai\nba")
        e.set_scalar(get(root, "number"), 5)
    out, data = edit(act)
    assert data["plain"] == "Câu đã sửa: có dấu hai chấm"
    assert data["single"] == "it's" and "single: 'it''s'" in out
    assert data["double"] == 'có "ngoặc"' and 'double: "có \\"ngoặc\\""' in out
    assert data["folded"] == "Đoạn mới " + "rất dài " * 20 + "hết."
    assert "folded: >-\n  Đoạn mới" in out and max(len(line) for line in out.splitlines()) <= 100
    assert data["literal"] == "một\nhai\nba" and "literal: |-\n  một\n  hai\n  ba\nnumber" in out
    assert data["number"] == 5
    removed, added = changed_lines(SOURCE, out)
    assert all(line.split(":")[0].strip() in {"plain", "single", "double", "folded", "literal", "number"}
               or line.startswith("  ") for line in removed + added)
    assert out.startswith("# a comment on top\nid: ke-hoach   # trailing comment\n")
    assert out.endswith("other:\n  - x\nafter: cuối\n")


def test_folded_list_item_keeps_its_folding():
    source = "items:\n  - >-\n    Một câu dài được gấp\n    lại thành hai dòng.\n  - khác\n"
    editor = YamlEditor(source)
    editor.set_scalar(get(editor.root, "items", 0), "Một câu dài được gấp lại thành hai dòng, đã sửa.")
    out = editor.apply()
    assert out == "items:\n  - >-\n    Một câu dài được gấp lại thành hai dòng, đã sửa.\n  - khác\n"
    assert yaml.safe_load(out)["items"][0] == "Một câu dài được gấp lại thành hai dòng, đã sửa."


def test_plain_value_that_would_change_type_is_quoted():
    out, data = edit(lambda e, root: e.set_scalar(get(root, "plain"), "yes"))
    assert data["plain"] == "yes" and 'plain: "yes"' in out


def test_insert_items_in_place_with_the_list_indentation():
    def act(e, root):
        items = get(root, "items")
        e.insert_item(items, 1, "mới trước hai")
        e.insert_item(items, 2, {"id": "bon", "text": "Bốn: mục mới", "lead": ["so-noi-vu"]})
        e.insert_item(get(root, "other"), 1, "y")
    out, data = edit(act)
    assert data["items"][1] == "mới trước hai" and data["items"][3] == {
        "id": "bon", "text": "Bốn: mục mới", "lead": ["so-noi-vu"]}
    assert data["items"][4] == "ba gấp lại" and data["other"] == ["x", "y"]
    assert "  - một\n  - mới trước hai\n  - id: hai\n" in out
    assert '    lead: [so-noi-vu, so-tc]\n  - id: bon\n    text: "Bốn: mục mới"\n    lead:\n      - so-noi-vu\n  - >-' in out
    removed, added = changed_lines(SOURCE, out)
    assert removed == []


def test_delete_items_removes_their_lines_only():
    def act(e, root):
        e.delete_item(get(root, "items"), 1)
        e.delete_item(get(root, "items"), 2)
    out, data = edit(act)
    assert data["items"] == ["một"]
    removed, added = changed_lines(SOURCE, out)
    assert added == [] and removed == ["  - id: hai", "    text: Hai", "    lead: [so-noi-vu, so-tc]",
                                       "  - >-", "    ba gấp", "    lại"]
    assert "  # chú thích của mục đầu\n  - một\nother:" in out


def test_insert_key_and_replace_lists():
    def act(e, root):
        item = get(root, "items", 1)
        e.insert_key(item, "notes", "ghi chú mới", after="text")
        e.set_list(get(item, "lead"), ["so-tc"])
        e.set_list(get(root, "other"), ["a", "b: c"])
    out, data = edit(act)
    assert data["items"][1] == {"id": "hai", "text": "Hai", "notes": "ghi chú mới", "lead": ["so-tc"]}
    assert "    text: Hai\n    notes: ghi chú mới\n    lead: [so-tc]\n" in out
    assert data["other"] == ["a", "b: c"] and 'other:\n  - a\n  - "b: c"\nafter' in out


def test_literal_block_keeps_its_lines():
    source = "content: |-\n  dòng một\n  dòng hai\nnext: x\n"
    editor = YamlEditor(source)
    editor.set_scalar(get(editor.root, "content"), "dòng một đã sửa\ndòng hai")
    assert editor.apply() == "content: |-\n  dòng một đã sửa\n  dòng hai\nnext: x\n"


QUOTED = ['TODO: chỉ tiêu "năm 2021" cần cập nhật', "đường dẫn C:\\thu-muc\\ke-hoach", 'a\\"b',
          "TODO: " + "rất dài " * 30 + '"cuối"', "hai  dấu cách  giữa " * 8, " đầu và cuối ", "x" * 200,
          "tab\tở giữa", "hai\ndòng", "a\u00a0b " * 40, "'nháy đơn' và # dấu thăng: cả hai"]


@pytest.mark.parametrize("value", QUOTED)
@pytest.mark.parametrize("column,indent", [(6, 4), (20, 6), (70, 2)])
def test_quoted_values_read_back_exactly(value, column, indent):
    # rollover's TODO lines carry an old value: quotes, backslashes, runs of spaces, tabs must survive
    source = quoted(value, column, indent)
    doc = " " * (indent - 2) + "k:" + " " * (column - indent) + source + "\n"
    assert yaml.safe_load(doc) == {"k": value}, doc
    words = value.split(" ")
    if "" not in words and max(map(len, words)) < 30:  # foldable (a run of spaces stays on one line)
        assert all(len(line) <= 100 for line in doc.splitlines()), doc


def test_an_item_holding_a_mapping_under_a_key_is_valid_yaml():
    """A new row of a plain table ({id, cells: {…}}) was written 'cells: ten: Điểm ba' (a YAML syntax error:
    import --onto then failed on a reviewer's new row)."""
    def act(e, root):
        e.insert_item(get(root, "items"), 1, {"id": "nam", "cells": {"ten": "Điểm ba", "ghi-chu": "Thôn C"}})
    out, data = edit(act)
    assert data["items"][1] == {"id": "nam", "cells": {"ten": "Điểm ba", "ghi-chu": "Thôn C"}}
    assert "  - id: nam\n    cells:\n      ten: Điểm ba\n      ghi-chu: Thôn C\n" in out
