"""Work assigned to agencies in the body, outside a task table: the numbered items whose heading names
the agency doing the work ("3.2. Công an tỉnh:" followed by its "-" duties; "3.3. Bộ Chỉ huy quân sự tỉnh
chỉ đạo …: Phối hợp với …" on one line; "7.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành").

The plan model prints tasks only in a task appendix; an agency's duties printed in the body are what a
`responsibility` is (agencies, the heading as printed, its blocks), and a `responsibilities: [ids]` block
prints them where they stand, numbered with the items around them. So a run of such items becomes
responsibilities, not tasks: the rebuilt document keeps the original's layout, and each duty has its
agencies (checked against Nơi nhận by `validate`)."""
from __future__ import annotations

import re

from generator.importer.agencies import norm, slug
from generator.importer.state import State, short
from generator.plan.agencies import names_heading

# the words after the agency's name in a heading: what the agency does ("chủ trì", "chỉ đạo", "là cơ
# quan thường trực"), or a lead-in to its duties
_VERB = re.compile(r"\s+(?:chủ trì|chỉ đạo|phối hợp|có trách nhiệm|căn cứ|là cơ quan|là đơn vị|thực hiện|"
                   r"tổ chức|triển khai|theo dõi|tham mưu)\b", re.IGNORECASE)
_CO = re.compile(r"^\s*chủ trì\s*(?:,\s*)?(?:và\s+)?phối hợp(?:\s+với)?\s+(?P<co>\S.*)$", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:đề nghị|giao)\s+", re.IGNORECASE)
# sections that assign no work (what the plan is for, whom it concerns, money, awards, targets) and
# "Tổ chức thực hiện" (read by structure.responsibilities): "a) Cơ quan hành chính: …" there is not a duty
_NOT_WORK = re.compile(r"TỔ CHỨC THỰC HIỆN|CHỈ TIÊU|MỤC TIÊU|MỤC ĐÍCH|YÊU CẦU|PHẠM VI|ĐỐI TƯỢNG|KINH PHÍ|TIÊU CHUẨN|"
                       r"KHEN THƯỞNG|HỒ SƠ|CĂN CỨ")
_HEAD_MAX = 220  # a heading longer than this is a sentence, not an agency's name


def heading_agencies(st: State, heading: str) -> tuple[list[str], list[str]] | None:
    """(lead names, co names) a heading names, or None when it names no agency. "Đề nghị"/"Giao" before
    the name and what the agency does after it are not part of the name; "X chủ trì, phối hợp Y" gives Y
    as co agencies."""
    head = heading.strip().rstrip(":.;").strip()
    if not head or len(head) > _HEAD_MAX:
        return None
    head = re.sub(r"\s*\([^()]*\)", "", _LEAD_IN.sub("", head))  # "Sở Nội vụ (Cơ quan Thường trực …)"
    co_part = ""
    verb = _VERB.search(head)
    if verb:
        rest = head[verb.start():]
        head = head[:verb.start()].strip().rstrip(",")
        m = _CO.match(rest) if re.match(r"\s*chủ trì", rest, re.IGNORECASE) else None
        co_part = m.group("co").rstrip() if m else ""
    if not head or not st.agencies.looks_like_agency(head[:120]):  # a long list of names starts like one
        return None
    lead = st.agencies.split(head)
    if not lead:
        return None
    unknown = [n for n in lead if not st.agencies.known(n)]
    if unknown and not all(st.agencies.looks_like_agency(n) for n in lead):
        return None
    co = st.agencies.split(co_part) if co_part and st.agencies.looks_like_agency(co_part) else []
    return lead, co


def runon_agencies(st: State, text: str) -> tuple[list[str], list[str]] | None:
    """The agencies an untitled item opens with, before what they do ("Giao Công an tỉnh là cơ quan
    thường trực, …", "Các sở, ban, ngành và UBND các xã căn cứ …", "Sở Văn hóa, Thể thao và Du lịch chủ
    trì, phối hợp với …"); None when it does not open with one."""
    verb = _VERB.search(text[:_HEAD_MAX])
    found = heading_agencies(st, text[:verb.start()]) if verb else None
    if found and not all(st.agencies.known(n) for n in found[0]):
        # not names the document resolved ("Sở Tư pháp yêu cầu các phòng thuộc Sở nghiêm túc" before "thực
        # hiện"): when it opens with ones it did, they end there, and what follows is what they do
        names = _known_opening(st, text)
        if names:
            return None if any(_is_issuer(st, n) for n in names) else (names, [])
    return found


def opening_agencies(st: State, text: str) -> list[str] | None:
    """The agencies a run-on responsibility opens with as kehoach prints one (render/responsibilities.py):
    names the document already resolved (the registry, or declared by its tables), joined as `names_heading`
    joins them, then the first word of what they do ("Văn phòng Sở bảo đảm kinh phí …"); the longest such
    opening, or None. Unlike `runon_agencies` it needs no verb it knows, so the caller reads it only next to
    other responsibilities (a sentence that merely starts with an agency's name is no responsibility)."""
    names = _known_opening(st, text)
    return None if not names or any(_is_issuer(st, n) for n in names) else names


def _known_opening(st: State, text: str) -> list[str] | None:
    words = text.split()
    for j in range(min(len(words) - 1, 30), 0, -1):
        head = " ".join(words[:j])
        if not words[j][:1].islower() or head.endswith(","):
            continue
        names = st.agencies.split(head)
        if names and all(st.agencies.known(n) for n in names) and names_heading(names) == head:
            return names
    return None


def _is_issuer(st: State, name: str) -> bool:
    """Whether a name is the issuer's ("Ủy ban nhân dân tỉnh yêu cầu …" in its own plan speaks to the others,
    it gives itself no work)."""
    def key(text: str) -> str:
        return re.sub(r"^ubnd\b", "ủy ban nhân dân", norm(text).replace("uỷ", "ủy"))
    own = [str(st.issuer.get("full_name", "")), " ".join(map(str, st.issuer.get("name", [])))]
    ids = {st.agencies.known(o) for o in own} - {None}
    return st.agencies.known(name) in ids or any(key(o).startswith(key(name)) for o in own if o)


def _heading_of(block: dict) -> tuple[str, str] | None:
    """('title', text) for a titled item; ('text', head) for an untitled one whose words before ':'
    name the agency ("Bộ Chỉ huy quân sự tỉnh chỉ đạo …: Phối hợp …"); ('plain', text) for an untitled
    point with items under it ("a) Sở Y tế"); None for anything else."""
    if not isinstance(block, dict):
        return None
    if "title" in block:
        return "title", block["title"]
    if "text" in block and ":" in block["text"]:
        head = block["text"].split(":", 1)[0]
        if len(head) <= _HEAD_MAX:
            return "text", head
    if "text" in block and block.get("content"):  # a plain point "a) Sở Y tế" over its duties
        return "plain", block["text"]
    return None


def body_duties(st: State, sections: list[dict], taken: set[str]) -> list[dict]:
    """Responsibilities for the runs of items, outside "Tổ chức thực hiện" and the target sections,
    whose headings all name agencies (two items or more under one heading); each run is replaced in
    place by a `responsibilities: [ids]` block. `taken`: responsibility ids already used."""
    out: list[dict] = []

    def walk(content: list) -> None:
        items = [(i, b) for i, b in enumerate(content) if isinstance(b, dict) and ("title" in b or "text" in b)]
        found = []
        for i, block in items:
            head = _heading_of(block)
            names = heading_agencies(st, head[1]) if head else None
            found.append((i, block, head, names))
        if len(found) >= 2 and all(names for *_, names in found):
            ids = [duty(block, head, names) for _, block, head, names in found]
            first = found[0][0]
            keep = [b for j, b in enumerate(content) if j not in {i for i, *_ in found}]
            content[:] = keep[:first] + [{"responsibilities": ids}] + keep[first:]
            return
        for _, block, *_ in found:
            walk(block.get("content", []))

    def duty(block: dict, head: tuple[str, str], names: tuple[list[str], list[str]]) -> str:
        kind, text = head
        lead, co = names
        where = block.get("_where", "")
        ids = [st.agencies.declare(n, f"tiêu đề '{short(text, 50)}'") for n in lead]
        base = "tn-" + slug(ids[0], 5)
        rid, n = base, 2
        while rid in taken:
            rid, n = f"{base}-{n}", n + 1
        taken.add(rid)
        entry: dict = {"id": rid, "agencies": ids}
        if kind != "text":  # printed as a heading at its level ("a)" plain, "1.1." bold), as it was
            entry["title"] = block["title" if kind == "title" else "text"]
        else:
            entry["text"] = block["text"]
        entry["content"] = block.get("content", [])
        if co:
            st.guess(f"khoản '{short(text, 60)}': cơ quan chủ trì {', '.join(lead)}; cơ quan phối hợp "
                     f"{', '.join(co)} chỉ giữ trong tiêu đề (trách nhiệm không có ô 'phối hợp')", where, entry)
        out.append(entry)
        return rid

    for section in sections:
        if _NOT_WORK.search(section["title"].upper()):
            continue
        walk(section["content"])
    if out:
        duties = sum(max(1, _duty_count(r["content"])) for r in out)
        st.note("info", f"{len(out)} khoản giao việc theo cơ quan trong nội dung ({duties} ý): đọc thành trách "
                        "nhiệm của từng cơ quan (mục responsibilities), in tại chỗ như văn bản gốc")
    return out


def _duty_count(content: list) -> int:
    n = 0
    for block in content:
        if isinstance(block, str):
            n += 1
        elif isinstance(block, dict) and "bullets" in block and len(block) == 1:
            n += len(block["bullets"])
    return n
