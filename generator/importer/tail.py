"""The last page's frame read into the plan: Nơi nhận (items, the "Lưu:" line) on the left, the signer
(authority, title, name) on the right."""
from __future__ import annotations

import re

from generator.importer.agencies import in_capitals
from generator.importer.state import END_PUNCT, State, short, where_of
from generator.nd30.grammar import (ARCHIVE_LEAD, ARCHIVE_LINE, ON_BEHALF_LINE, RULE_LINE, SIGNED_MARK_LINE,
                                    SIGNING_FOR_LINE, is_recipients_label)
from generator.nd30.zones import recipient_line, tail_sides
from generator.plan.agencies import norm as agency_norm
from generator.word.model import Block

# (a text ends where its spaces start: "(?<!\s)"; ".*?\s*" let two repeats share the spaces, quadratic)
NOTE_AT_END = re.compile(r"^(?P<text>.*?)(?<!\s)\s*(?P<note>\([^()]*\))$")
COPIES_AT_END = re.compile(r"(?<!\s)\s*\((\d+)(?:\s*b(?:ản)?)?\)\s*$")  # "Lưu: VT, (02 bản)"


GLUED_ITEMS = re.compile(r"(?<=[;,.])\s+(?=[-–•+]\s)")
# "KT  GIÁM ĐỐC", "TM ỦY BAN NHÂN DÂN": the authority typed without its dot (ND30 writes "KT.", "TM.")
UNDOTTED_AUTHORITY = re.compile(r"^(?P<kind>KT|TM)\s+(?=\S)")


def read_tail(blocks: list[Block]) -> dict:
    """Recipient lines and the "Lưu:" line (text, where), and the signature lines (text, bold, where)."""
    left, right = tail_sides(blocks)
    recipients, archive, signer_lines = [], None, []
    for piece, p in left:
        text = piece.text
        if is_recipients_label(text):
            text = re.sub(r"^\s*nơi\s+nhận\s*:?", "", text, flags=re.IGNORECASE)  # an item may follow it
        # items typed on one line, pushed apart by spaces ("- V01, C04 - Bộ Công an;      - Thường trực …")
        for item in GLUED_ITEMS.split(text):
            line = recipient_line(item)
            if ARCHIVE_LINE.match(line):
                archive = (line, where_of(p))
            elif line:
                recipients.append((line, where_of(p)))
    for piece, p in right:
        if not RULE_LINE.match(piece.text):
            signer_lines.append((piece.text, piece.bold, where_of(p)))
    return {"recipients": recipients, "archive": archive, "signer": signer_lines}


def signer(st: State, lines: list[tuple[str, bool, str]]) -> dict:
    out: dict = {}
    rest = []
    for text, _bold, where in lines:
        undotted = UNDOTTED_AUTHORITY.match(text)
        if undotted and text.isupper():
            st.note("info", f"dòng '{text}' viết thiếu dấu chấm sau '{undotted.group('kind')}': kehoach in "
                            f"'{undotted.group('kind')}.' theo thể thức", where)
            text = UNDOTTED_AUTHORITY.sub(lambda m: m.group("kind") + ". ", text)
        if ON_BEHALF_LINE.match(text):
            out["on_behalf_of"] = ON_BEHALF_LINE.sub("", text)
        elif SIGNING_FOR_LINE.match(text):
            out["signing_for"] = SIGNING_FOR_LINE.sub("", text)
        elif SIGNED_MARK_LINE.match(text):
            st.warn(f"bỏ dòng '{short(text)}' ở chữ ký (kehoach để chỗ trống cho chữ ký)", where)
        else:
            rest.append((text, where))
    titles = [t for t, _ in rest if t.isupper()]
    names = [t for t, _ in rest if not t.isupper()]
    if titles:
        out["title"] = titles[0]
        for extra, where in [(t, w) for t, w in rest if t.isupper()][1:]:
            st.warn(f"dòng chữ ký thêm không đưa được vào kế hoạch: '{extra}'", where)
    else:
        out["title"] = st.todo("chức vụ người ký")
    if names:
        out["name"] = names[-1]
        for extra, where in [(t, w) for t, w in rest if not t.isupper()][:-1]:
            st.warn(f"dòng chữ ký thêm không đưa được vào kế hoạch: '{extra}'", where)
    else:
        out["name"] = st.todo("họ tên người ký")
    return out


def recipients(st: State, lines: list[tuple[str, str]]) -> list[dict]:
    out = []
    for text, where in lines:
        line = END_PUNCT.sub("", text).strip()
        entry: dict = {}
        m = NOTE_AT_END.match(line)
        if m and m.group("text"):
            entry["text"], entry["note"] = m.group("text"), m.group("note")
        else:
            entry["text"] = line
        known = st.agencies.known(entry["text"])
        if in_capitals(entry["text"]):
            if known:  # 'SỞ NỘI VỤ': as the registry writes it
                entry["text"] = st.agencies.spelled(entry["text"])
            else:
                st.warn(f"dòng Nơi nhận '{entry['text']}' in hoa, danh mục cơ quan không có: giữ nguyên vì không "
                        "biết cách viết hoa đúng; hãy sửa theo Nghị định 30 (ví dụ '- Sở Tài chính;')", where)
        if not known and agency_norm(entry["text"]) not in st.agencies.group_forms:
            covers = [st.agencies.known(n) for n in st.agencies.split(entry["text"])]
            covers = [c for c in covers if c]
            if covers:
                entry["covers"] = covers
        out.append(entry)
    if not out:
        out.append({"text": st.todo("Nơi nhận (không đọc được danh sách)")})
    return out


def archive(st: State, found: tuple[str, str] | None) -> dict:
    if found is None:
        st.guess("không thấy dòng 'Lưu: ...': ghi 'Lưu: VT'", "Nơi nhận")
        return {"units": ["VT"]}
    text, _where = found
    body = ARCHIVE_LEAD.sub("", text).rstrip(" .;")
    body = body.rstrip(" ,")  # a "," typed for the full stop, as on the Nơi nhận lines: "(05)," is still the count
    copies = None
    m = COPIES_AT_END.search(body)
    if m:
        copies = int(m.group(1))
        body = body[:m.start()]
    units = [u.strip() for u in re.split(r"[,;]", body) if u.strip()]
    out: dict = {"units": units or ["VT"]}
    if copies:
        out["copies"] = copies
    return out
