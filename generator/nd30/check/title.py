"""The type line ("KẾ HOẠCH") and the trích yếu under it (ô 5a, PL I §II.5.b)."""
from __future__ import annotations

from generator import nd30
from generator.nd30.check import lines as ruling
from generator.nd30.check.base import Checker, Rule, Segment, segments
from generator.nd30.check.locate import find_title, past_blanks_and_typed_rules
from generator.word.model import Paragraph

DOCTYPE_MISSING = Rule("doctype.missing", "có tên loại “KẾ HOẠCH”", "PL I §II.5.b")
DOCTYPE_STYLE = Rule("doctype.style", "tên loại in hoa, đậm, canh giữa", "PL I §II.5.b", fixable=True)
DOCTYPE_SIZE = Rule("doctype.size", "cỡ chữ tên loại", "PL I §II.5.b", fixable=True)
TITLE_MISSING = Rule("title.missing", "có trích yếu", "PL I §II.5.b")
TITLE_STYLE = Rule("title.style", "trích yếu đậm, canh giữa", "PL I §II.5.b")
TITLE_SIZE = Rule("title.size", "cỡ chữ trích yếu", "PL I §II.5.b", fixable=True)
RULES = (DOCTYPE_MISSING, DOCTYPE_STYLE, DOCTYPE_SIZE, TITLE_MISSING, TITLE_STYLE, TITLE_SIZE)


def check_title(ck: Checker, doc_type: Paragraph | None, header_end: int) -> int:
    """Returns the order position where the body starts (after the header when there is no type line)."""
    if doc_type is None:
        ck.add(DOCTYPE_MISSING, f"không thấy dòng tên loại “{nd30.DOC_TYPE}” (một dòng riêng, canh giữa, dưới phần "
               "đầu văn bản)")
        return header_end
    seg = segments(doc_type)[0]
    if doc_type.text.strip() != nd30.DOC_TYPE:
        ck.add(DOCTYPE_STYLE, f"tên loại phải viết in hoa “{nd30.DOC_TYPE}”", seg=seg)
    ck.look_check("doc_type", seg, DOCTYPE_STYLE, "Tên loại", fix_look=True)
    ck.size_check("doc_type", seg, DOCTYPE_SIZE, "Tên loại", ck.sizes["doc_type"] if ck.pair else None)
    ck.align_check("doc_type", doc_type, DOCTYPE_STYLE, "Tên loại", "error")
    title, i = find_title(ck, doc_type)
    if not title:
        ck.add(TITLE_MISSING, "không thấy trích yếu nội dung ngay dưới tên loại", p=doc_type)
        return i
    for s in title:
        ck.look_check("title", s, TITLE_STYLE, "Trích yếu", fix_look=False)
        ck.size_check("title", s, TITLE_SIZE, "Trích yếu", ck.sizes["title"] if ck.pair else None)
    ck.align_check("title", title[0].para, TITLE_STYLE, "Trích yếu", "error")
    typed: list[Segment] = []
    if i < len(ck.paras) and nd30.is_typed_rule(ck.paras[i].text):
        typed = segments(ck.paras[i])
    ruling.check_title_rule(ck, title[-1], title, typed)
    return past_blanks_and_typed_rules(ck, i)
