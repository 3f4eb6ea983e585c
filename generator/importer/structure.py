"""The body's structure turned into the plan's: target sentences into `targets` (and blocks naming them),
"(Chi tiết tại Phụ lục …)" paragraphs into appendix references, the agencies' subsections of "Tổ chức
thực hiện" into `responsibilities`, the "Kinh phí" subsection into `funding`; section ids; the printed
wording kept where kehoach would word a target otherwise; the indices the plan really uses."""
from __future__ import annotations

import re

from generator.importer.agencies import slug
from generator.importer.duties import opening_agencies, runon_agencies
from generator.importer.state import TODO, State, short
from generator.importer.targets import criterion_named, parse_targets, target_data
from generator.nd30.grammar import POINTER
from generator.nd30.labels import roman
from generator.plan.agencies import names_heading
from generator.core.text import shorten


# the spaces after a label belong to the label ("\s*(?:label)?\s*" let two repeats share them: quadratic)
TARGET_ZONE = re.compile(r"^\s*(?:(?:[a-zđ]\)|\d+(?:\.\d+)*\.?)\s*)?(?:các\s+)?(?:mục tiêu|chỉ tiêu)\b", re.IGNORECASE)
# a number a target sentence could state: not a year, a date, a legal document's number or a list label
_STATED = re.compile(r"(?<![\w/.,])(\d+(?:,\d+)?)(?:\s*/\s*\d+(?:,\d+)?)?\s*(%|điểm\b|bậc\b|[^\W\d_]+)", re.IGNORECASE)


def states_number(sentence: str) -> bool:
    """Whether a sentence in a target zone states a quantity (so that one that gave no target is said); a
    lead-in ("Đối với 8 chỉ số nội dung, phấn đấu:") states none itself."""
    if sentence.rstrip().endswith(":"):
        return False
    for m in _STATED.finditer(sentence):
        word = m.group(2).lower()
        if word in ("năm", "tháng", "ngày", "giờ") or re.fullmatch(r"(19|20)\d\d", m.group(1)):
            continue
        return True
    return False


def transform_sections(st: State, sections: list[dict], targets: list[dict], appendices: list[dict]) -> None:
    """Target sentences become targets where plans state them: in a section titled MỤC TIÊU / CHỈ TIÊU,
    and under a "Mục tiêu cụ thể" (or "Chỉ tiêu …") heading or paragraph anywhere; a sentence names its
    criterion (quoted, before its ':', the index) or takes the dimension of the heading it sits under
    ("a) Cải cách thể chế", matched to the catalogue by name). What states a number but gives no target
    stays as printed and is listed (st.unread_targets)."""
    labels = {}
    for i, a in enumerate(appendices, start=1):
        labels[roman(i)] = labels[str(i)] = a["id"]
        if len(appendices) == 1:
            labels[None] = a["id"]

    def target_of(sentence: str, where: str, context: str | None) -> str | None:
        """The target printed by this sentence (its first); the others it states are kept as data."""
        # "năm N đạt …" of a year before the plan's is last year's result (the title's year counts too: a
        # plan for 2019 dated December 2018)
        found, missed = parse_targets(sentence, st.catalogue, context=context, year=max(st.year, st.title_year or 0),
                                      own=True)
        if not found:
            if states_number(sentence):
                st.unread_targets.append((sentence, where))
            return None
        for part in missed:
            if states_number(part):
                st.unread_targets.append((part, where))
        ids = [tid for tid in (one_target(parsed, sentence, where) for parsed in found) if tid]
        if not ids:
            return None
        by_id = {t["id"]: t for t in targets}
        for tid in ids:  # printed once, by the first; a rank ("nhóm 15 tỉnh dẫn đầu") is only said in its words
            if tid == ids[0] or by_id[tid].get("unit") == "hạng":
                st.printed_sentences[tid] = sentence
        if len(ids) > 1:
            entry = next(t for t in targets if t["id"] == ids[0])
            st.guess(f"câu “{short(sentence, 60)}” nêu {len(ids)} chỉ tiêu ({', '.join(ids)}): câu in một lần, giữ ở "
                     f"chỉ tiêu '{ids[0]}'; " + ", ".join(f"'{t}'" for t in ids[1:]) + " là số liệu, không in riêng",
                     where, entry)
        return ids[0]

    def one_target(parsed, sentence: str, where: str) -> str | None:
        if parsed.how == "own":  # the same words name the same criterion: a repeat is found below
            parsed.criterion = own_root(parsed.head, parsed.max)
            parsed.max = None
        known = st.targets_by_criterion.get(parsed.criterion)
        if known is not None and parsed.how != "context" and known.get("target") == parsed.target:
            return None  # the same target said again (preamble, a second heading)
        if known is not None and parsed.how == "index" and known.get("unit", "điểm") == parsed.unit:
            return None  # the index named again; a rank target beside its score target is another target
        if parsed.head and parsed.how != "own":
            parsed.criterion = own_criterion(parsed.criterion, parsed.head, parsed.max)
            parsed.max = None  # the criterion declared carries it
        tid = st.tables.target_id(parsed.criterion)
        base, n = tid, 2
        while any(t["id"] == tid for t in targets):
            tid, n = f"{base}-{n}", n + 1
        entry = target_data(tid, parsed, st.catalogue.by_code.get(parsed.criterion))
        targets.append(entry)
        st.targets_by_criterion.setdefault(parsed.criterion, entry)
        st.target_where[tid] = where
        if parsed.how == "own":
            st.guess(f"“{short(parsed.head, 70)}” không thuộc chỉ số nào trong danh mục: khai báo tiêu chí riêng "
                     f"'{parsed.criterion}' của kế hoạch (mục criteria) cho chỉ tiêu này", where, entry)
        elif parsed.head:
            parent = st.catalogue.by_code.get(parsed.criterion.rsplit(".", 1)[0])
            st.guess(f"“{parsed.head}” không có trong danh mục: khai báo tiêu chí '{parsed.criterion}' trong mục "
                     f"criteria, thuộc '{parent.code if parent else parsed.criterion.rsplit('.', 1)[0]}'"
                     + (f" ({parent.name})" if parent else "") + " theo tiêu đề phía trên câu", where, entry)
        elif parsed.how in ("close", "context"):
            info = st.catalogue.by_code.get(parsed.criterion)
            name = f"'{parsed.criterion}' ({info.name})" if info else f"'{parsed.criterion}'"
            why = "theo tiêu đề phía trên câu" if parsed.how == "context" else "tên gần giống trong danh mục"
            st.guess(f"chỉ tiêu “{short(sentence, 60)}” gán cho tiêu chí {name}: {why}", where, entry)
        return tid

    def own_root(name: str, maximum) -> str:
        """A criterion of the plan's own, no index above it, named as the sentence names what it measures
        (once per name)."""
        for own in st.own_criteria:
            if own.get("parent") is None and own["name"] == name:
                return own["code"]
        base = slug(name, 4)
        code, n = base, 2
        while code in st.catalogue.by_code or code in st.catalogue.indices or \
                any(o["code"] == code for o in st.own_criteria + st.tables.own):
            code, n = f"{base}-{n}", n + 1
        own = {"code": code, "name": name}
        if maximum is not None:
            own["max"] = int(maximum) if maximum == maximum.to_integral() and maximum.as_tuple().exponent >= 0 \
                else maximum
        st.own_criteria.append(own)
        return code

    def own_criterion(parent: str, name: str, maximum) -> str:
        """A sub-criterion the plan names that the catalogue lacks: declared under the heading's criterion
        with the name and maximum as printed (once per name)."""
        for own in st.own_criteria:
            if own["parent"] == parent and own["name"] == name:
                return own["code"]
        n = 1
        while f"{parent}.{n}" in st.catalogue.by_code or any(o["code"] == f"{parent}.{n}"
                                                              for o in st.own_criteria + st.tables.own):
            n += 1
        own = {"code": f"{parent}.{n}", "name": name, "parent": parent}
        if maximum is not None:
            own["max"] = int(maximum) if maximum == maximum.to_integral() and maximum.as_tuple().exponent >= 0 \
                else maximum
        st.own_criteria.append(own)
        return own["code"]

    st.target_where = {}

    def heading_of(block: dict) -> str:
        return block.get("title") or block.get("text") or ""

    def walk(content: list, in_targets: bool, context: str | None) -> list:
        out = []
        for block in content:
            if isinstance(block, str):
                m = POINTER.match(block) if len(block) < 200 else None  # (quadratic on a long line: issue 22)
                if m and (m.group("n") or None) in labels:
                    ref = {"appendix": labels[m.group("n") or None]}
                    if m.group("before") != "(Chi tiết tại":
                        ref["before"] = m.group("before")
                    if m.group("after") != "kèm theo)":
                        ref["after"] = m.group("after")
                    out.append(ref)
                    continue
                tid = target_of(block, "", context) if in_targets else None
                out.append({"targets": [tid], "style": "paragraphs"} if tid else block)
            elif "bullets" in block and len(block) == 1:
                if not in_targets:
                    out.append(block)
                    continue
                run: list = []
                for item in block["bullets"]:
                    tid = target_of(item, "", context) if isinstance(item, str) else None
                    if tid:
                        if run and "targets" in run[-1]:
                            run[-1]["targets"].append(tid)
                        else:
                            run.append({"targets": [tid]})
                    elif run and "bullets" in run[-1]:
                        run[-1]["bullets"].append(item)
                    else:
                        run.append({"bullets": [item]})
                out += run
            else:
                head = heading_of(block)
                inner_targets = in_targets or bool(TARGET_ZONE.match(head))
                inner_context = context
                if inner_targets and "title" in block:
                    named, _exact = criterion_named(head, st.catalogue)
                    inner_context = named or context
                elif inner_targets and "text" in block and ":" in head:
                    named, _exact = criterion_named(head.split(":")[0], st.catalogue)
                    inner_context = named or context
                if inner_targets and "text" in block:
                    tid = target_of(block["text"], block.get("_where", ""), inner_context)
                    if tid:
                        block.pop("text")
                        block = {"target": tid, **block}
                block["content"] = walk(block["content"], inner_targets, inner_context)
                out.append(block)
        return out

    for section in sections:
        in_targets = bool(re.search(r"CHỈ TIÊU|MỤC TIÊU", section["title"].upper()))
        context, _ = criterion_named(section["title"], st.catalogue) if in_targets else (None, False)
        section["content"] = walk(section["content"], in_targets, context)


def responsibilities(st: State, sections: list[dict]) -> list[dict]:
    """The numbered items of 'Tổ chức thực hiện' that assign work to agencies: a run of titled items
    whose titles name agencies ("1. Sở Nội vụ"), and untitled items that open with the agencies, before
    what they do ("2. Giao Công an tỉnh là cơ quan thường trực, …": kept as the responsibility's `text`).
    A titled item inside the run whose title names none keeps its title and gets a TODO for its
    agencies; plain paragraphs after the run's last titled item that open with 'Trong quá trình' (the
    usual last word of the section) stay at section level. Consecutive responsibilities are printed by
    one `responsibilities` block where they stand ('all' when that block holds every one)."""
    out: list[dict] = []
    for section in sections:
        if "TỔ CHỨC THỰC HIỆN" not in section["title"].upper():
            continue
        content = section["content"]
        titled = [agencies_of(st, b) if isinstance(b, dict) and "title" in b else None for b in content]
        hits = [i for i, ids in enumerate(titled) if ids]
        start, end = (hits[0], hits[-1] + 1) if hits else (0, 0)
        if hits and not all(isinstance(b, dict) and "title" in b for b in content[start:end]):
            end = next(i for i in range(start, end) if not (isinstance(content[i], dict) and "title" in content[i]))
        made: list = []  # per block: a responsibility id, or None to keep the block
        entries = [_entry(st, block, titled[i], start <= i < end) for i, block in enumerate(content)]
        _next_to_responsibilities(st, content, entries)
        for i, block in enumerate(content):
            entry = entries[i]
            if entry is None:
                made.append(None)
                continue
            base = "tn-" + (slug(entry["agencies"][0]) if not entry["agencies"][0].startswith(TODO) else "khac")
            rid, n = base, 2
            while any(r["id"] == rid for r in out):
                rid, n = f"{base}-{n}", n + 1
            out.append({"id": rid, **entry})
            made.append(rid)
        if not out:
            continue
        if end:
            last = next(r for r in out if r["id"] == made[end - 1])["content"]
            moved = []
            while last and isinstance(last[-1], str) and last[-1].startswith("Trong quá trình") and len(last) > 1:
                moved.insert(0, last.pop())
            content = content[:end] + moved + content[end:]
            made = made[:end] + [None] * len(moved) + made[end:]
        new: list = []
        for block, rid in zip(content, made):
            if rid is None:
                new.append(block)
            elif new and isinstance(new[-1], dict) and isinstance(new[-1].get("responsibilities"), list):
                new[-1]["responsibilities"].append(rid)
            else:
                new.append({"responsibilities": [rid]})
        blocks = [b for b in new if isinstance(b, dict) and "responsibilities" in b]
        if len(blocks) == 1:
            blocks[0]["responsibilities"] = "all"
        section["content"] = new
        break
    return out


def _entry(st: State, block, titled: list[str] | None, in_run: bool) -> dict | None:
    """The responsibility a block of "Tổ chức thực hiện" is, or None: an item of the run of titled items
    (`titled`: the agencies its title names), or an untitled item opening with agencies before what they do."""
    if in_run:
        ids = titled or [st.todo("mã các cơ quan của khoản này", short(block["title"]))]
        if not titled:
            st.warn(f"khoản '{shorten(block['title'], 60)}' nằm giữa các khoản theo cơ quan nhưng tiêu đề không "
                    "nêu tên cơ quan: ghi TODO cho danh sách cơ quan", block.get("_where", ""))
        entry: dict = {"agencies": ids}
        if names_heading(st.agencies.names.get(a, a) for a in ids) != block["title"]:
            entry["title"] = block["title"]
        entry["content"] = block["content"] or [st.todo("nội dung trách nhiệm", block["title"])]
        return entry
    if isinstance(block, dict) and "text" in block and "title" not in block:
        ids = runon_ids(st, block["text"])
        if ids:
            return {"agencies": ids, "text": block["text"], "content": block["content"]}
    return None


def _next_to_responsibilities(st: State, content: list, entries: list) -> None:
    """An untitled item next to a responsibility that opens with agencies the document resolved, as kehoach
    prints a run-on responsibility ("2. Văn phòng Sở bảo đảm kinh phí …" after "1. Phòng Cải cách hành
    chính"), is one too, though no verb the importer knows follows the names (duties.opening_agencies)."""
    changed = True
    while changed:
        changed = False
        for i, block in enumerate(content):
            if entries[i] is not None or not (isinstance(block, dict) and "text" in block and "title" not in block):
                continue
            if not any(0 <= j < len(entries) and entries[j] is not None for j in (i - 1, i + 1)):
                continue
            names = opening_agencies(st, block["text"])
            if names:
                ids = [st.agencies.declare(n, f"mục Tổ chức thực hiện, '{short(block['text'], 50)}'") for n in names]
                entries[i] = {"agencies": ids, "text": block["text"], "content": block["content"]}
                changed = True


def runon_ids(st: State, text: str) -> list[str] | None:
    found = runon_agencies(st, text)
    if not found:
        return None
    return [st.agencies.declare(n, f"mục Tổ chức thực hiện, '{short(text, 50)}'") for n in found[0]]


def agencies_of(st: State, block: dict) -> list[str] | None:
    title = block["title"].strip().rstrip(":.").strip()
    plain = re.sub(r"^đề nghị\s+", "", title, flags=re.IGNORECASE)
    names = st.agencies.split(plain)
    if not names or not st.agencies.looks_like_agency(plain):
        return None
    unknown = [n for n in names if not st.agencies.known(n)]
    if unknown and not all(st.agencies.looks_like_agency(n) for n in names):
        return None
    if len(unknown) == len(names) and len(names) > 1:
        return None
    ids = [st.agencies.declare(n, f"mục Tổ chức thực hiện, '{shorten(title, 50)}'") for n in names]
    return ids


def funding(sections: list[dict]) -> list:
    def walk(content: list) -> list | None:
        for block in content:
            if isinstance(block, dict) and "title" in block and re.match(r"^kinh phí", block["title"],
                                                                         re.IGNORECASE):
                if block["content"]:
                    found = block["content"]
                    block["content"] = [{"funding": True}]
                    return found
            if isinstance(block, dict) and "content" in block:
                found = walk(block["content"])
                if found is not None:
                    return found
        return None

    for section in sections:
        found = walk(section["content"])
        if found is not None:
            return found
    return []


def section_ids(sections: list[dict]) -> None:
    seen: set[str] = set()
    for section in sections:
        base = slug(section["title"], 4)
        sid, n = base, 2
        while sid in seen:
            sid, n = f"{base}-{n}", n + 1
        seen.add(sid)
        section["id"] = sid


def finish_targets(st: State, data: dict) -> None:
    """Keep the printed sentence as `wording` only where kehoach would print another one."""
    if not data.get("targets"):
        return
    from pydantic import ValidationError

    from generator.render.context import Builder
    from generator.plan.model import Plan, Target

    try:
        plan = Plan.model_validate(data)
    except ValidationError:
        plan = None
    for target in data["targets"]:
        printed = st.printed_sentences.get(target["id"])
        if printed is None:
            continue
        generated = None
        if plan is not None:
            try:
                generated = Builder(plan).target_sentence(Target.model_validate(target))
            except (ValidationError, KeyError, ValueError):
                generated = None
        if generated != printed:
            target["wording"] = printed


def used_indices(st: State, data: dict) -> None:
    """An index the document only mentions in passing (no target, task or table uses one of its
    criteria) is left out, unless no index is used at all (then every one mentioned stays)."""
    used = {str(t["criterion"]).split(".")[0] for t in data.get("targets", [])}
    used |= {str(t["dimension"]).split(".")[0] for t in data.get("tasks", [])}
    used |= {str(c["code"]).split(".")[0] for c in data.get("criteria", [])}
    for a in data.get("appendices", []):
        used |= {str(c).split(".")[0] for c in a.get("criteria", [])}
    indices = data.get("indices", {})
    if used and not st.forced_indices:
        for index in [i for i in indices if i not in used]:
            del indices[index]
        if not indices:
            data.pop("indices", None)  # a plan that names no index has none to drop
    for text in st.index_notes:
        if text.split(":")[0].split()[-1] in indices:
            st.guess(text)
