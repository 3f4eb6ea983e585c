"""The plan data put together from what the steps read, in the plan's own order (identity, document,
title, bases, criteria, agencies, targets, tasks, responsibilities, sections, closing, signer, Nơi nhận,
appendices), with the counts the summary prints. The order of the calls is the order of the messages
and TODOs the user reads: keep it."""
from __future__ import annotations

from generator.importer.appendices import read_body_tables
from generator.importer.comments import collect_comments, word_comments
from generator.importer.duties import body_duties
from generator.importer.header import issuer
from generator.importer.state import UNREAD, ImportResult, State, short
from generator.importer.structure import (finish_targets, funding, responsibilities, section_ids, transform_sections,
                                          used_indices)
from generator.importer.tail import archive, recipients, signer


def assemble(st: State, header: dict, title: list[str], body: dict, tail: dict, indices: dict,
             registry: str | None) -> ImportResult:
    data: dict = {"schema_version": 1, "id": st.plan_id, "year": st.year}
    if indices:
        data["indices"] = dict(indices)
    if registry:
        data["registry"] = registry
    data["issuer"] = st.issuer = issuer(st, header)
    document: dict = {}
    if header.get("code") and header["code"] != "KH":
        document["code"] = header["code"]
    if header["number"]:
        document["number"] = header["number"]
    if header["date"]:
        document["date"] = header["date"]
    elif header.get("month"):
        document["month"] = header["month"]
    if header.get("issued_by"):
        document["issued_by"] = header["issued_by"]
    if not header["number"] or not header["date"]:
        st.note("info", "số và/hoặc ngày ban hành để trống (dự thảo): giữ trống", "phần đầu")
    if document:
        data["document"] = document
    if len(title) > 1:
        # line breaks in a trích yếu balance its lines on the page; kehoach centres and wraps it
        st.note("info", f"trích yếu in trên {len(title)} dòng: nối thành một dòng (kehoach tự xuống dòng; muốn giữ "
                        "chỗ xuống dòng, viết 'title: |-' với từng dòng)", "trích yếu")
    data["title"] = " ".join(title) if title else st.todo("trích yếu (không thấy dòng dưới 'KẾ HOẠCH')")
    if body["legal"]:
        data["legal_bases"] = body["legal"]
    if body["preamble"]:
        data["preamble"] = body["preamble"]

    # appendices first: their group rows name the criteria and declare agencies
    appendices, tasks, table_targets, table_baselines = [], [], [], {}
    from_body, table_refs = read_body_tables(st, body["sections"])
    for result in [result for _, result in st.found_appendices] + from_body:
        appendices.append(result.appendix)
        tasks += result.tasks
        table_targets += result.targets
        table_baselines.update(result.baselines)
    targets: list[dict] = []
    sections = body["sections"]
    transform_sections(st, sections, targets, appendices)
    for t in table_targets:
        known = st.targets_by_criterion.get(t["criterion"])
        if known is None:
            tid = t["id"]
            while any(x["id"] == tid for x in targets):
                tid += "-b"
            t["id"] = tid
            targets.append(t)
            st.targets_by_criterion[t["criterion"]] = t
        else:
            take_baseline(known, t.get("baseline"))
            if t["target"] != known["target"]:
                st.warn(f"chỉ tiêu '{t['criterion']}' trong phụ lục ({t['target']}) khác trong nội dung "
                        f"({known['target']}): giữ số trong nội dung", "phụ lục", known)
    for code, base in table_baselines.items():  # a result the table prints for a target the body states
        if code in st.targets_by_criterion:
            take_baseline(st.targets_by_criterion[code], base)
    for sentence, where in st.unread_targets:
        st.warn(f"câu có số ở phần mục tiêu, chỉ tiêu không thành chỉ tiêu (giữ nguyên văn; kehoach không kiểm tra "
                f"hay chuyển năm được): “{short(sentence, 90)}”", where, rule=UNREAD)
    criteria = [{"code": code, "name": name} for code, name in st.tables.renamed.items()]
    criteria += st.tables.own
    criteria += st.own_criteria
    if criteria:
        data["criteria"] = criteria
    for at, aid in table_refs:  # after the targets' walk: a reference block holds no sentence
        sections[at]["content"].append({"appendix": aid})
    found_responsibilities = responsibilities(st, sections)
    duties = body_duties(st, sections, {r["id"] for r in found_responsibilities})
    if duties:  # 'Tổ chức thực hiện' then prints its own items only
        own = [r["id"] for r in found_responsibilities]
        for section in sections:
            section["content"] = [{"responsibilities": own} if b == {"responsibilities": "all"} else b
                                  for b in section["content"]]
        found_responsibilities = duties + found_responsibilities
    found_funding = funding(sections)
    folded = st.agencies.fold_acronyms()  # "VPS" in one table, "Văn phòng Sở" in another: one agency
    for item in (*tasks, *found_responsibilities):
        for key in ("lead", "co", "agencies"):
            if isinstance(item.get(key), list):
                item[key] = [folded.get(a, a) for a in item[key]]
    if st.agencies.declared:
        data["agencies"] = st.agencies.declared
        for agency in st.agencies.declared:
            why = st.agencies.guesses.get(agency["id"])
            if why:
                st.note("guess", why)
                st.obj_comments.setdefault(id(agency), []).append("ĐOÁN: " + why)
    if targets:
        data["targets"] = targets
    if tasks:
        data["tasks"] = tasks
    if found_responsibilities:
        data["responsibilities"] = found_responsibilities
    if found_funding:
        data["funding"] = found_funding
    section_ids(sections)
    data["sections"] = sections or [{"id": "noi-dung", "title": st.todo("các mục I., II. (không thấy mục nào)")}]
    data["closing"] = body["closing"] or st.todo("câu kết (không thấy đoạn kết thúc bằng './.')")
    data["signer"] = signer(st, tail["signer"])
    data["recipients"] = recipients(st, tail["recipients"])
    data["archive"] = archive(st, tail["archive"])
    if appendices:
        data["appendices"] = appendices
    if st.numbering:
        data["numbering"] = {"levels": st.numbering}
    strip_private(data)
    used_indices(st, data)
    finish_targets(st, data)
    comments = collect_comments(st, data)
    counts = {
        "sections": len(sections), "targets": len(targets), "tasks": len(tasks),
        "agencies": len(st.agencies.declared), "recipients": len(data["recipients"]),
        "appendices": len(appendices), "responsibilities": len(found_responsibilities),
        "areas": len({str(t.get("dimension")) for t in tasks if t.get("dimension")}),
        "unread_targets": len(st.unread_targets),
    }
    said = word_comments(st)
    if st.doc.changes:
        st.note("info", f"văn bản có {len(st.doc.changes)} thay đổi được theo dõi (track changes): đã đọc bản đã chấp "
                        "nhận mọi thay đổi")
    return ImportResult(data, comments, [], st.notes, st.todos, counts, said)


def take_baseline(target: dict, base: dict | None) -> None:
    """A score table's result of a year for a target the body states: the target's baseline, or its value
    when the sentence gave only the year ("giảm điểm số so với năm 2018")."""
    if not base:
        return
    have = target.get("baseline")
    if have is None:
        target["baseline"] = dict(base)
    elif have.get("year") == base["year"] and "value" not in have:
        have["value"] = base["value"]


def strip_private(data) -> None:
    """Drop the steps' own keys ("_where") and empty contents of titled blocks."""
    if isinstance(data, dict):
        for key in [k for k in data if isinstance(k, str) and k.startswith("_")]:
            del data[key]
        if "content" in data and data["content"] == [] and ("title" in data or "text" in data or "target" in data):
            del data["content"]
        for value in data.values():
            strip_private(value)
    elif isinstance(data, list):
        for item in data:
            strip_private(item)
