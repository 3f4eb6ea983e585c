"""A fresh batch of mutants (issue 23, item 2), written from the code and the user docs by a helper that had
not read the tests. Run with `python tools/mutate.py --batch tools/mutants_fresh1.py [names] [--pytest ...]`.

Each entry: m(name, path, old, new, what) — `what` is what a user would see. PARTS names each mutant's part
(for the score by part) and SELECT the test files, chosen by their names only, that a first targeted run uses."""
from __future__ import annotations

from mutate import m

MUTANTS = [
    # ---------------------------------------------------------------- renderer (render/, core/text.py)
    m("f1-rank-drop-silent", "generator/render/targets.py", "            if moved:\n",
      "            if moved > 0:\n",
      "a rank target below its baseline rank prints no '(giảm 02 bậc so với năm …)'"),
    m("f1-change-always-least", "generator/render/targets.py",
      'least = "tối thiểu " if change.at_least else ""', 'least = "tối thiểu "',
      "'tăng 02 bậc' printed 'tăng tối thiểu 02 bậc' when the plan does not say at_least"),
    m("f1-bound-above-lost", "generator/render/targets.py",
      'BOUND_WORDS = {"exact": "", "above": "trên ", "at_least": "tối thiểu "}',
      'BOUND_WORDS = {"exact": "", "above": "", "at_least": "tối thiểu "}',
      "bound: above prints 'đạt 80%' instead of 'đạt trên 80%'"),
    m("f1-rank-of-dropped", "generator/render/targets.py",
      'of = f"/{base.of}" if base and base.of else ""', 'of = ""',
      "'xếp hạng 10/63' printed 'xếp hạng 10'"),
    m("f1-sub-bullet-dash", "generator/render/body.py",
      'label="-" if level == 1 else "+"', 'label="-"',
      "second-level bullets printed '-' instead of '+'"),
    m("f1-appendix-ref-paren-space", "generator/render/body.py",
      'text += ("" if tail[0] in ",.;:)”" else " ") + tail', 'text += ("" if tail[0] in ",.;:”" else " ") + tail',
      "'(Chi tiết tại Phụ lục I )': a space before the closing bracket"),
    m("f1-responsibility-numbers-lost", "generator/render/body.py",
      "paras, counter = responsibilities(self, block, depth, counter)",
      "paras, _ = responsibilities(self, block, depth, counter)",
      "a subsection after the 'Tổ chức thực hiện' items repeats their numbers (1., 2., then 1. again)"),
    m("f1-kt-before-tm", "generator/render/header.py",
      '    if s.on_behalf_of:\n        lines.append(f"TM. {upper(s.on_behalf_of)}")\n'
      '    if s.signing_for:\n        lines.append(f"KT. {upper(s.signing_for)}")\n',
      '    if s.signing_for:\n        lines.append(f"KT. {upper(s.signing_for)}")\n'
      '    if s.on_behalf_of:\n        lines.append(f"TM. {upper(s.on_behalf_of)}")\n',
      "the signature block prints 'KT. CHỦ TỊCH' above 'TM. ỦY BAN NHÂN DÂN'"),
    m("f1-number-decimals-dropped", "generator/core/text.py",
      "places = max(0, -value.as_tuple().exponent) if value.is_finite() else 0", "places = 0",
      "'44,33 điểm' printed '44 điểm' (decimals rounded away)"),
    m("f1-score-child-label", "generator/render/appendices/scores.py",
      'add(child, f"{label}.{i}" if depth else str(i), depth + 1)', 'add(child, f"{label}.{i}", depth + 1)',
      "score appendix: the fields under 'I' numbered 'I.1', 'I.2' instead of '1', '2'"),
    m("f1-score-total-children", "generator/render/appendices/scores.py",
      "        if depth == 0:\n            for k in totals:", "        if depth <= 1:\n            for k in totals:",
      "score appendix: 'Tổng cộng' adds the children's points to their parents' (a total too large)"),
    m("f1-tasks-running-number", "generator/render/appendices/tasks.py",
      "                n = count if running else n\n", "",
      "tasks table without group rows: STT restarts at 1 for each dimension"),
    m("f1-group-label-double", "generator/render/appendices/tasks.py",
      "if not label or name.casefold().startswith(str(label).casefold()):", "if not label:",
      "group row prints 'Chỉ số “Chỉ số …”' when the name already starts with the label"),
    m("f1-superior-bold", "generator/render/docx.py", "bold=not superior))", "bold=True))",
      "the superior agency line (UBND TỈNH above the bold name) printed bold"),
    m("f1-group-row-no-keep", "generator/render/docx.py",
      'align="center" if table.columns[i].key == "stt" and span == 1 else "left", keep=True,',
      'align="center" if table.columns[i].key == "stt" and span == 1 else "left", keep=False,',
      "a group row can end a page away from its first task (no keep-with-next)"),
    m("f1-agency-rule-full", "generator/render/docx.py",
      '"KH Ke co quan": pt_to_twips(agency) * RULE_RATIO,', '"KH Ke co quan": pt_to_twips(agency),',
      "the rule under the agency name as long as the name (ND30: 1/3 to 1/2)"),
    m("f1-xlsx-decimals", "generator/render/xlsx.py",
      'return "[$-42A]#,##0" + ("." + "0" * places if places else "")', 'return "[$-42A]#,##0"',
      ".xlsx shows 8,5 as 9 (number format without decimals)"),
    # ---------------------------------------------------------------- ND30 rules (nd30/grammar, labels, layout)
    m("f1-padded-number-flagged", "generator/nd30/grammar.py",
      "if number and int(number) < 10 and len(number) < 2:", "if number and int(number) < 10:",
      "check says 'Số: 05/KH-UBND' must get a leading 0"),
    m("f1-year-digits-unchecked", "generator/nd30/grammar.py",
      '    if year and len(year) != 4:\n        problems.append("năm phải đủ 4 chữ số")\n', "",
      "check accepts 'ngày 05 tháng 3 năm 202'"),
    m("f1-closing-double-dot", "generator/nd30/grammar.py",
      'return text.rstrip(".") + CLOSING_MARK', "return text + CLOSING_MARK",
      "a closing typed with a final '.' prints 'thực hiện../.'"),
    m("f1-motto-caseless", "generator/nd30/grammar.py",
      'return " ".join(text.split()) == MOTTO', "return fold(text) == fold(MOTTO)",
      "check accepts a Tiêu ngữ typed 'độc lập - tự do - hạnh phúc'"),
    m("f1-recipient-fix-last-semicolon", "generator/nd30/grammar.py",
      'end = "." if last else ";"', 'end = ";"',
      "check/--fix want '- Lưu: VT, NC;' (the last line must end with '.')"),
    m("f1-list-level1-bullet", "generator/nd30/labels.py",
      'return ("plus" if (ilvl or 0) >= 1 else "bullet"), 0', 'return ("plus" if (ilvl or 0) > 1 else "bullet"), 0',
      "import: Word list bullets one level in become '-' bullets instead of '+' items"),
    m("f1-dotted-depth", "generator/nd30/labels.py",
      'return "clause", 1 + m.group("numnum").count(".")', 'return "clause", m.group("numnum").count(".")',
      "import: '1.1.' read as a khoản of depth 1 (a sibling of '1.') instead of under it"),
    m("f1-heading2-text", "generator/nd30/labels.py",
      'elif heading and heading >= 2 and kind == "text":', 'elif heading and heading > 2 and kind == "text":',
      "import: an unlabelled Heading 2 paragraph read as plain text, not a clause"),
    m("f1-date-upright", "generator/nd30/layout.py",
      '"date": Look(False, True, None, "center"),', '"date": Look(False, False, None, "center"),',
      "check tells an italic date line to be upright (ND30: italic)"),
    m("f1-landscape-not-a4", "generator/nd30/layout.py",
      "short, long_ = sorted((width_mm, height_mm))", "short, long_ = width_mm, height_mm",
      "check calls a landscape A4 appendix page 'not A4'"),
    m("f1-motto-rule-half-ok", "generator/nd30/layout.py",
      "MOTTO_RULE_RANGE = (0.85, 1.15)", "MOTTO_RULE_RANGE = (0.5, 1.15)",
      "check accepts a rule under the Tiêu ngữ half as long as the line"),
    m("f1-margin-clamp-high", "generator/nd30/layout.py",
      "return min(max(value_mm, low), high)", "return max(value_mm, low)",
      "--fix leaves a 40 mm left margin as it is (only too-small margins are brought into range)"),
    # ---------------------------------------------------------------- check/fix (nd30/check, nd30/fix)
    m("f1-khoan-not-restarted", "generator/nd30/check/body.py",
      'counters["arabic"] = counters["letter"] = 0', 'counters["letter"] = 0',
      "check: '1.' under a new mục 'II.' reported as out of order (khoản not restarted per mục)"),
    m("f1-first-page-number", "generator/nd30/check/pagenum.py",
      "if not sec.title_page or first:", "if not sec.title_page:",
      "check: a page number in the first-page header is not reported"),
    m("f1-recipients-last-line", "generator/nd30/check/signature.py",
      "last = n == len(items) - 1", "last = n == len(items)",
      "check: the '- Lưu: VT.' line is asked to end with ';'"),
    m("f1-kt-title-missing", "generator/nd30/check/signature.py",
      'if text.startswith("KT.") and k == len(authority) - 1:', 'if text.startswith("KT.") and k == len(authority):',
      "check: 'KT. CHỦ TỊCH' with no title line under it is not warned"),
    m("f1-fix-rule-indent", "generator/nd30/check/lines.py",
      "side = max(0.0, (ck.width_available(typed.para) - length) / 2)",
      "side = max(0.0, ck.width_available(typed.para) - length)",
      "--fix draws a typed rule much shorter than asked (indent not halved)"),
    m("f1-fix-unbold-bolds", "generator/nd30/fix/runs.py",
      'ordered_child(rpr, name, RPR_ORDER, {} if value else {"val": "0"})', "ordered_child(rpr, name, RPR_ORDER, {})",
      "--fix 'bỏ chữ đậm' (Nơi nhận items) makes them bold instead"),
    # ---------------------------------------------------------------- Word reader (word/)
    m("f1-decimal-zero-nine", "generator/word/numbering.py",
      'return f"{n:02d}" if 0 <= n < 10 else str(n)', 'return f"{n:02d}" if 0 <= n < 9 else str(n)',
      "a decimalZero list's 9th item read as '9.' instead of '09.'"),
    m("f1-lower-roman-upper", "generator/word/numbering.py",
      "        return roman(n).lower()", "        return roman(n)",
      "a Word list numbered i., ii. read as 'I.', 'II.' (sections on import)"),
    m("f1-move-from-kept", "generator/word/runs.py", '"moveFrom": "del"', '"moveFrom": "ins"',
      "text moved with tracked changes read twice (its old place kept)"),
    m("f1-hanging-as-first-line", "generator/word/styles.py",
      'out["first_line"] = twips_to_pt(-(twips(hanging) or 0))', 'out["first_line"] = twips_to_pt(twips(hanging) or 0)',
      "a 10 mm hanging indent read as a 10 mm first-line indent (check passes it)"),
    m("f1-lvl-restart-off", "generator/word/numbering.py",
      "if restart is None or (restart != 0 and ilvl < restart):",
      "if restart is None or (restart != 0 and ilvl + 1 < restart):",
      "a list level with lvlRestart is not restarted by the level it names (2.3 instead of 2.1)"),
    # ---------------------------------------------------------------- import (importer/)
    m("f1-import-rank-base-sign", "generator/importer/targets.py",
      'parsed.base_rank = place + moved if change.group(1) == "tăng" else place - moved',
      'parsed.base_rank = place - moved if change.group(1) == "tăng" else place + moved',
      "'xếp hạng 20 (tăng 05 bậc so với năm 2020)' imports baseline rank 15 instead of 25"),
    m("f1-import-above-as-least", "generator/importer/targets.py",
      'parsed.bound = "above" if bound.group(1).lower() == "trên" else "at_least"', 'parsed.bound = "at_least"',
      "'đạt trên 80%' imported as 'tối thiểu 80%'"),
    m("f1-import-same-year-base", "generator/importer/targets.py",
      'if int(m["year"]) < year and (m["value"] or m["rank"]):',
      'if int(m["year"]) <= year and (m["value"] or m["rank"]):',
      "the plan year's own 'năm 2021 đạt …' taken as a 2021 plan's baseline"),
    m("f1-import-tro-len", "generator/importer/targets.py",
      '    elif re.search(r"\\btrở lên\\b", words):\n        parsed.bound = "at_least"\n', "",
      "'đạt 80% trở lên' imported as exactly 80%"),
    m("f1-import-kt-as-tm", "generator/importer/tail.py",
      'out["signing_for"] = SIGNING_FOR_LINE.sub("", text)', 'out["on_behalf_of"] = SIGNING_FOR_LINE.sub("", text)',
      "import: 'KT. CHỦ TỊCH' becomes 'TM. CHỦ TỊCH'"),
    m("f1-import-archive-copies", "generator/importer/tail.py",
      "        body = body[:m.start()]\n", "",
      "import: 'Lưu: VT, NC (02)' keeps '(02)' in the last unit; the rebuilt line prints '(02)' twice"),
    m("f1-import-period-end", "generator/importer/header.py",
      "return int(period.group(1)), period.group(0)", "return int(period.group(2)), period.group(0)",
      "import: a title 'giai đoạn 2026 – 2030' gives plan year 2030"),
    m("f1-import-lead-fallback", "generator/importer/tables.py",
      '    if "lead" not in out.values():', '    if "lead" in out.values():',
      "import: a lone 'Đơn vị thực hiện' column read as co-operating agencies, no lead"),
    m("f1-import-role-swap", "generator/importer/tables.py",
      'role = ("lead" if m.group("role").casefold() == "chủ trì" else "co") if m else key',
      'role = ("co" if m.group("role").casefold() == "chủ trì" else "lead") if m else key',
      "import: a cell line 'Chủ trì: Sở Nội vụ' read as co-operating, 'Phối hợp: …' as lead"),
    # ---------------------------------------------------------------- review round trip (workflow/review/)
    m("f1-review-insert-before", "generator/workflow/review/paragraphs.py",
      "w.editor.insert_item(seq, index + 1 if after else index, value)",
      "w.editor.insert_item(seq, index if after else index, value)",
      "import --onto: a paragraph the reviewer added after another lands before it"),
    m("f1-review-bullet-as-text", "generator/workflow/review/paragraphs.py",
      'value = body if kind == "text" else {"bullets": [body]}', "value = body",
      "import --onto: a '-' bullet added under a heading becomes a plain paragraph"),
    m("f1-review-task-before", "generator/workflow/review/rows.py",
      'w.editor.insert_item(w.node(("tasks",)), previous_task + 1, task)',
      'w.editor.insert_item(w.node(("tasks",)), previous_task, task)',
      "import --onto: a task row the reviewer added lands before the task above it"),
    m("f1-review-table-row-first", "generator/workflow/review/rows.py",
      "w.editor.insert_item(seq, len(seq.value), new_row)", "w.editor.insert_item(seq, 0, new_row)",
      "import --onto: a new row of a plain table goes first though the report says 'ở cuối bảng'"),
    m("f1-review-reject-deletes", "generator/workflow/review/rows.py",
      "deleted = row.deleted and not self.reading.reject", "deleted = row.deleted",
      "import --onto --reject: a row deleted with tracked changes is still removed"),
    m("f1-review-target-status", "generator/workflow/review/targets.py",
      'status = "unapplied" if unexplained else "applied"', 'status = "applied"',
      "import --onto: a target edit whose computed numbers disagree is reported as applied"),
    # ---------------------------------------------------------------- validate / checks (plan/)
    m("f1-provinces-2024", "generator/plan/target_checks.py",
      "return 63 if year <= 2024 else 34", "return 63 if year < 2024 else 34",
      "validate: a 2024 rank out of 63 warned ('năm 2024 có 34 tỉnh')"),
    m("f1-target-equals-max", "generator/plan/target_checks.py",
      "if maximum is not None and target.target > maximum and", "if maximum is not None and target.target >= maximum and",
      "validate refuses a target equal to the maximum ('vượt điểm tối đa')"),
    m("f1-baseline-same-year", "generator/plan/target_checks.py",
      "if base is not None and base.year >= self.plan.year:", "if base is not None and base.year > self.plan.year:",
      "validate: a baseline of the plan's own year not warned"),
    m("f1-issued-own-year-warned", "generator/plan/checks.py",
      "if date is not None and date.year > self.plan.year:", "if date is not None and date.year >= self.plan.year:",
      "validate warns a plan issued during its own year ('sau năm kế hoạch')"),
    m("f1-role-words-swapped", "generator/plan/checks.py",
      'role = "chủ trì" if key == "lead" else "phối hợp"', 'role = "phối hợp" if key == "lead" else "chủ trì"',
      "validate: a lead agency missing from Nơi nhận is called '(phối hợp)'"),
    m("f1-groups-not-covering", "generator/plan/agencies.py",
      "                reached.update(a.id for a in self.by_id.values() if item in a.groups)\n", "",
      "validate: agencies reached through 'Các Sở, ban, ngành' warned as missing from Nơi nhận"),
    # ---------------------------------------------------------------- rollover / diff (workflow/)
    m("f1-rollover-so-voi-kept", "generator/workflow/years.py",
      'năm\\s+{y}", prev, "so với năm trước")', 'năm\\s+{y}", this, "so với năm trước")',
      "rollover keeps 'so với năm 2019' in the 2021 plan (should become 2020)"),
    m("f1-rollover-deadline-kept", "generator/workflow/years.py",
      '(?:{day}|{day_words}){y}", nxt, "thời hạn")', '(?:{day}|{day_words}){y}", this, "thời hạn")',
      "rollover keeps 'trước ngày 15/01/2021' of a 2020 plan (should become 2022)"),
    m("f1-rollover-baseline-new", "generator/workflow/rollover.py",
      'self.replace_node(get(baseline, "year"), str(self.old))', 'self.replace_node(get(baseline, "year"), str(self.new))',
      "rollover writes the new plan's own year as its baseline year"),
    m("f1-rollover-same-year", "generator/workflow/rollover.py",
      "if new <= plan.year:", "if new < plan.year:",
      "rollover --year 2020 of a 2020 plan accepted (a plan rolled onto itself)"),
    m("f1-diff-signs", "generator/workflow/diff.py",
      'sign = {"added": "+", "removed": "-",', 'sign = {"added": "-", "removed": "+",',
      "diff prints an added item with '-' and a removed one with '+'"),
    m("f1-diff-renamed-also-removed", "generator/workflow/diff.py",
      "            if twin is not None:\n                gone.remove(twin)\n                self.changes.append(Change(category, \"renamed\"",
      "            if twin is not None:\n                self.changes.append(Change(category, \"renamed\"",
      "diff reports an item whose id changed as renamed and also as removed"),
    m("f1-diff-number-dropped", "generator/workflow/diff.py",
      '                 ("số", o.document.number, n.document.number),\n', "",
      "diff does not list a changed document number"),
    # ---------------------------------------------------------------- safe I/O and build (core/, render/build.py)
    m("f1-enoent-wording", "generator/core/safeio.py",
      'errno.ENOENT: "không tìm thấy tệp",', 'errno.ENOENT: "không có quyền đọc tệp",',
      "a missing file reported as 'không có quyền đọc tệp'"),
    m("f1-no-recipients-file", "generator/render/build.py",
      '        staged.written.append(_write(staging / names["recipients"], ctx.recipient_text.encode("utf-8")))\n', "",
      "build writes no '<plan>-noi-nhan.txt'"),
    m("f1-document-time-jan1", "generator/render/build.py",
      "dt.datetime.combine(plan.document.date or dt.date(plan.year, 1, 1), dt.time())",
      "dt.datetime.combine(dt.date(plan.year, 1, 1), dt.time())",
      "the .docx/.xlsx/.pdf metadata dated 1 January even when the plan has its issue date"),
    m("f1-atomic-tmp-left", "generator/importer/pipeline.py",
      "        try:\n            os.unlink(tmp)\n        except FileNotFoundError:\n            pass\n",
      "        pass\n",
      "a failed plan write leaves a hidden '.plan.yaml.xxx.tmp' file beside the plan"),
    # ---------------------------------------------------------------- cli (cli/)
    m("f1-validate-strict-ignored", "generator/cli/build.py",
      'all_problems = [located(p.file, p.line, p.col, p.field, p.text, "error") for p in all_problems]',
      "all_problems = [located(p.file, p.line, p.col, p.field, p.text, p.level) for p in all_problems]",
      "validate --strict: a plan with only warnings exits 0"),
    m("f1-build-failed-forgotten", "generator/cli/build.py",
      "        failed += not report(plan, outcome)\n", "        failed = not report(plan, outcome)\n",
      "build a.yaml b.yaml: a failed a.yaml then a good b.yaml exits 0"),
    m("f1-onto-exit-zero", "generator/cli/commands.py",
      "sys.exit(1 if result.unapplied else 0)", "sys.exit(0)",
      "import --onto exits 0 though some edits were not applied"),
    m("f1-check-strict-ignored", "generator/cli/commands.py",
      'findings = [replace(f, level="error") for f in findings]', "findings = list(findings)",
      "check --strict: a document with only warnings exits 0"),

]


def part_of(path: str) -> str:
    """The part of kehoach a mutant's file belongs to (for the score by part)."""
    if path.startswith("generator/cli/"):
        return "cli"
    if path in ("generator/core/safeio.py", "generator/render/build.py", "generator/importer/pipeline.py"):
        return "safe I/O and build"
    if path.startswith("generator/render/") or path == "generator/core/text.py":
        return "renderer"
    if path.startswith(("generator/nd30/check/", "generator/nd30/fix/")):
        return "check/fix"
    if path.startswith("generator/nd30/"):
        return "ND30 rules"
    if path.startswith("generator/word/"):
        return "Word reader"
    if path.startswith("generator/importer/"):
        return "import"
    if path.startswith("generator/workflow/review/"):
        return "review round trip"
    if path.startswith("generator/workflow/"):
        return "rollover/diff"
    if path.startswith("generator/plan/"):
        return "validate/checks"
    return "other"


PARTS: dict[str, list[str]] = {}
for _x in MUTANTS:
    PARTS.setdefault(part_of(_x.path), []).append(_x.name)

# first, targeted runs: test files chosen by their names only (the helper did not read the tests)
SELECT = {
    "renderer": "tests/test_context.py tests/test_render_docx.py tests/test_render_xlsx.py tests/test_drafter_texts.py "
                "tests/test_text.py tests/test_nd30.py",
    "ND30 rules": "tests/test_nd30.py tests/nd30 tests/word/test_check.py tests/test_context.py tests/word/test_importer.py "
                  "tests/word/test_import_plan.py",
    "check/fix": "tests/word/test_check.py tests/word/test_check_reading.py tests/nd30 tests/test_nd30.py "
                 "tests/word/test_fix.py tests/word/test_fix_pages.py",
    "Word reader": "tests/word/test_numbering.py tests/word/test_runs.py tests/word/test_styles.py "
                   "tests/word/test_paragraphs.py tests/word/test_reader.py tests/word/test_document.py",
    "import": "tests/word/test_importer.py tests/word/test_import_plan.py tests/word/test_import_tables.py "
              "tests/word/test_import_yaml.py",
    "review round trip": "tests/workflow/test_review.py tests/workflow/test_review_forms.py",
    "validate/checks": "tests/test_validate.py tests/test_checks.py tests/test_bad_plans.py tests/test_agencies.py",
    "rollover/diff": "tests/test_rollover.py tests/test_diff.py",
    "safe I/O and build": "tests/test_build.py tests/test_loader.py tests/test_cli.py",
    "cli": "tests/test_cli.py tests/test_entry.py",
}
