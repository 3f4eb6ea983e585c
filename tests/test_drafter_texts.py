"""Texts a drafter reads (issue 21, part 5): every warning names something the drafter can act on, every
reference and label prints as a careful clerk would type it, the guide lists what the drafter must write."""
import re

from generator.render.context import build_context
from generator.workflow.starter import starter_plan
from tests.test_cli import run


def test_fresh_init_never_warns_about_kehoachs_own_data(tmp_path):
    """A fresh plan warned 'tên tiêu chí 'papi.1.a' trong danh mục chưa được xác minh'."""
    for indices in ("papi", "par,sipas", "pci", "papi,par,sipas,pci"):
        plan = tmp_path / f"{indices.replace(',', '-')}.yaml"
        assert run("init", "--province", "Tuyên Quang", "--year", "2026", "--indices", indices,
                   "-o", plan).returncode == 0
        checked = run("validate", plan)
        assert "cảnh báo:" not in checked.stderr, (indices, checked.stderr)
        assert ", 0 cảnh báo." in checked.stderr


def test_catalogue_files_say_which_names_are_unverified():
    from generator.plan.catalogue import available, flatten, versions

    for (index, version), data in available().items():
        head = versions()[(index, version)].read_text(encoding="utf-8").split("\nindex:")[0]
        listed = re.search(r"Chưa xác minh \(verified khác true\): (.*?)\.\n(?!#  )", head + "\n", re.S).group(1)
        codes = [c for c, info in flatten(data).items() if not info.verified]
        assert listed.replace("\n#", "").split(", ") == (codes or ["không có"]), (index, version)


def test_appendix_reference_after_an_unfinished_sentence_is_not_a_line_of_its_own(tmp_path):
    """init wrote 'Các nhiệm vụ cụ thể, … thời gian thực hiện' and then '(Chi tiết tại Phụ lục kèm
    theo)' as a paragraph of its own."""
    text = starter_plan("Tuyên Quang", 2026, ["papi"], "x.json").text
    assert "- Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời gian thực hiện\n" not in text
    assert "before: 'Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời gian thực hiện (chi tiết tại'" in text


def test_unfinished_sentence_before_an_appendix_reference_is_warned(plan_from):
    def edit(data):
        data["sections"][2]["content"].insert(0, "Các nhiệm vụ cụ thể, cơ quan chủ trì và thời gian thực hiện")
    _, warnings = plan_from(edit)
    (found,) = [w for w in warnings if "câu dẫn phụ lục" in w.text]
    assert found.field == "sections[2].content[0]" and "before:" in found.text


def test_hand_typed_appendix_number_in_a_reference_is_warned_and_no_stray_space(plan_from):
    """`{appendix: nhiem-vu, after: ', Phụ lục 2 kèm theo)'}` printed 'Phụ lục I , Phụ lục 2': mixed
    numbering and a stray space. The one sentence form is `appendix: [a, b]`."""
    def edit(data):
        data["sections"][2]["content"] = [{"appendix": "nhiem-vu", "before": "(Chi tiết tại",
                                           "after": ", Phụ lục 2 kèm theo)"}, {"appendix": "diem"}]
    plan, warnings = plan_from(edit)
    (found,) = [w for w in warnings if "Phụ lục 2" in w.text]
    assert found.field == "sections[2].content[0].after" and "appendix: [nhiem-vu, diem]" in found.text
    printed = [p.full for p in build_context(plan).body]
    assert "(Chi tiết tại Phụ lục I, Phụ lục 2 kèm theo)" in printed


def test_guide_documents_the_one_sentence_form_for_several_appendices():
    from generator.cli.guide import guide_path

    guide = guide_path("huong-dan").read_text(encoding="utf-8")
    assert "appendix: [" in guide and "Phụ lục I, Phụ lục II" in guide


BEGIN = "<!-- mã tiêu chí: phần này sinh từ các danh mục (tests/test_drafter_texts.py), đừng sửa tay -->"
END = "<!-- hết phần sinh từ danh mục -->"


def codes_section() -> str:
    """The guide's list of index and criterion codes, from the catalogues kehoach ships."""
    from generator.core.text import number
    from generator.plan.catalogue import available, flatten, index_facts

    facts = index_facts()
    order = sorted({i for i, _ in available()}, key=lambda i: (facts[i].order, i))
    out = [BEGIN, ""]
    for index in order:
        for (i, version), data in sorted(available().items(), key=lambda kv: kv[0][1], reverse=True):
            if i != index:
                continue
            tree = flatten(data)
            top = f", tối đa {number(tree[index].max)} điểm" if tree[index].max is not None else ""
            out += [f"**{facts[index].label}**, phiên bản `{version}` (`indices: {{{index}: '{version}'}}`): "
                    f"`{index}` = {tree[index].name}{top}.", ""]
            rows = [info for code, info in tree.items() if code != index]
            if not rows:
                out += ["Danh mục chỉ có chỉ số tổng hợp.", ""]
                continue
            out += ["| Mã | Cấp | Tên | Tối đa |", "|---|---|---|---|"]
            out += [f"| `{r.code}` | {r.level} | {r.name} | {number(r.max) if r.max is not None else ''} |"
                    for r in rows]
            out.append("")
    return "\n".join(out + [END])


def test_guide_lists_every_catalogue_code():
    """Issue 21: the dimension codes (papi.1–8, par.1–8, …) were nowhere in the docs. The list is made
    from the catalogues here, so it cannot drift: `python -m tests.update_golden tests/test_drafter_texts.py` rewrites it in the guide."""
    from generator.cli.guide import guide_path
    from tests.dump import updating

    path = guide_path("huong-dan")
    guide = path.read_text(encoding="utf-8")
    assert BEGIN in guide and END in guide
    head, rest = guide.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    wanted = head + codes_section() + tail
    if updating():
        path.write_text(wanted, encoding="utf-8")
    assert guide == wanted
    for code in [f"papi.{n}" for n in range(1, 9)] + [f"par.{n}" for n in range(1, 9)] + ["sipas", "pci.10"]:
        assert f"`{code}`" in guide
