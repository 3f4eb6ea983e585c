"""Agency names in imported text: split cells into agencies, match them to the province registry and
to the agencies already declared, declare the rest with an id and a guessed group."""
from __future__ import annotations

import re
import unicodedata

from generator.plan.agencies import find_province, norm, registry

# group of an undeclared agency, guessed from how its name starts or what it contains
GROUP_RULES = [
    (r"^(ủy ban mặt trận|ủy ban mttq|ubmttq|mặt trận|hội |liên đoàn|tỉnh đoàn|đoàn thanh niên|các tổ chức chính trị)",
     "doan-the"),
    (r"^(báo |đài |tạp chí|cổng thông tin)", "bao-dai"),
    (r"(cấp xã|các xã|xã, phường)", "cap-xa"),
    (r"(cấp huyện|các huyện|huyện, thị xã|thị xã, thành phố)", "cap-huyen"),
    (r"^(bộ |vụ |cục |tòa án|viện kiểm sát|kho bạc|điện lực|bảo hiểm xã hội|cục thuế|ngân hàng)", "trung-uong"),
    (r"^(sở |ban |văn phòng|thanh tra|công an tỉnh|bộ chỉ huy|trung tâm|các sở|các cơ quan|chi cục|bệnh viện)",
     "so-ban-nganh"),
]
AGENCY_START = re.compile(
    r"^(đề nghị\s+)?(các\s+)?(sở|ban|văn phòng|thanh tra|công an|bộ chỉ huy|trung tâm|ủy ban|uỷ ban|ubnd|ubmttq|"
    r"đài|báo|bảo hiểm|cục|chi cục|kho bạc|hội|liên đoàn|tỉnh đoàn|đoàn|tòa án|viện|điện lực|bệnh viện|"
    r"cơ quan|đơn vị|trường|ngân hàng|bộ|địa phương|chủ tịch|phòng|ban chỉ huy|bch|đảng ủy|chi ủy)\b", re.IGNORECASE)

ASCII = str.maketrans({"đ": "d", "Đ": "D"})


def slug(text: str, words: int = 6) -> str:
    text = unicodedata.normalize("NFKD", text.translate(ASCII))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    parts = re.findall(r"[a-z0-9]+", text)
    return "-".join(parts[:words]) or "x"


def registry_for(place: str) -> str | None:
    province = find_province(place) if place else None
    return province["id"] if province else None


class AgencyBook:
    """Known forms (registry + declared) and the plan's own declarations, in order of first sight."""

    def __init__(self, registry_id: str | None, year: int | None = None):
        data = (registry(registry_id, year) if registry_id else None) or {}
        self.forms: dict[str, str] = {}  # norm(form) → id
        self.names: dict[str, str] = {}  # id → name
        self.spellings: dict[str, str] = {}  # norm(form) → the form as the registry writes it
        for agency in data.get("agencies", []):
            self.names[agency["id"]] = agency["name"]
            for form in (agency["name"], *agency.get("short", [])):
                self.forms.setdefault(norm(form), agency["id"])
                self.spellings.setdefault(norm(form), form)
        self.group_forms = {norm(f): g["id"] for g in data.get("groups", [])
                            for f in (g["name"], *g.get("forms", []))}
        self.groups_of = {a["id"]: list(a.get("groups", [])) for a in data.get("agencies", [])}
        self.shorts_of = {a["id"]: list(a.get("short", [])) for a in data.get("agencies", [])}
        self.declared: list[dict] = []
        self.guesses: dict[str, str] = {}  # id → why

    def known(self, text: str) -> str | None:
        return self.forms.get(norm(text))

    def spelled(self, name: str) -> str:
        """A name printed in capitals ('SỞ NỘI VỤ', 'UBND TỈNH') as the registry writes that name or short form
        ('Sở Nội vụ', 'UBND tỉnh'); any other as printed (capitals the registry does not know are kept:
        `declare` says so)."""
        return self.spellings.get(norm(name), name) if in_capitals(name) else name

    def looks_like_agency(self, text: str) -> bool:
        return bool(AGENCY_START.match(text.strip())) and len(text) <= 120

    def abbreviation_of(self, name: str) -> str | None:
        """The one known agency that `name` abbreviates ('Sở TT&TT' → Sở Thông tin và Truyền thông,
        'Đài PTTH tỉnh' → Đài Phát thanh và Truyền hình tỉnh): same first word, each capitalised
        short token standing for as many words as it has letters, the other words equal."""
        tokens = name.split()
        if len(tokens) < 2 or not any(_is_acronym(t) for t in tokens[1:]):
            return None
        found = {aid for aid, full in self.names.items() if _abbreviates(tokens, full.split())}
        return found.pop() if len(found) == 1 else None

    def declare(self, name: str, where: str) -> str:
        found = self.known(name)
        if found:
            return found
        full = self.abbreviation_of(name)
        if full is not None:
            own = next((a for a in self.declared if a["id"] == full), None)
            if own is None:
                # the plan's entry replaces the registry's (same id): it keeps the registry's forms
                own = {"id": full, "name": self.names[full], "short": list(self.shorts_of.get(full, []))}
                if self.groups_of.get(full):
                    own["groups"] = list(self.groups_of[full])
                self.declared.append(own)
            own.setdefault("short", []).append(name)
            self.forms[norm(name)] = full
            self.guesses[full] = (f"'{name}' ({where}) hiểu là cách viết tắt của "
                                  f"'{self.names[full]}' (mã {full}): ghi vào 'short'")
            return full
        base = slug(name)
        aid, n = base, 2
        while aid in self.names:
            aid, n = f"{base}-{n}", n + 1
        groups = []
        lowered = name.casefold()
        for pattern, group in GROUP_RULES:
            if re.search(pattern, lowered):
                groups.append(group)
                break
        if norm(name) in self.group_forms:
            groups = [self.group_forms[norm(name)]]
        entry: dict = {"id": aid, "name": name}
        if groups:
            entry["groups"] = groups
        self.declared.append(entry)
        self.names[aid] = name
        self.forms[norm(name)] = aid
        self.guesses[aid] = (f"cơ quan '{name}' ({where}) không có trong danh mục: khai báo mới"
                             + (f", nhóm '{groups[0]}' là đoán" if groups else ", chưa rõ nhóm")
                             + (CAPITALS_KEPT if in_capitals(name) else ""))
        return aid

    def fold_acronyms(self) -> dict[str, str]:
        """An agency declared as a bare acronym ('VPS', a table's short form) whose letters are the initials of one
        other agency the document declared ('Văn phòng Sở', named further on) is that agency's short form: its
        declaration goes, the acronym joins the other's `short`. Returns {the acronym's id: the acronym}, for the
        references to rewrite (a reference may be a short form)."""
        folded: dict[str, str] = {}
        for entry in list(self.declared):
            name = entry["name"]
            if not (_is_acronym(name) and name.isalpha()) or entry.get("groups"):
                continue
            full = [a for a in self.declared if a is not entry and _initials(a["name"]) == name]
            if len(full) != 1:
                continue
            self.declared.remove(entry)
            full[0].setdefault("short", []).append(name)
            self.forms[norm(name)] = full[0]["id"]
            self.guesses.pop(entry["id"], None)
            said = f"'{name}' hiểu là cách viết tắt của '{full[0]['name']}' (mã {full[0]['id']}): ghi vào 'short'"
            before = self.guesses.get(full[0]["id"])
            self.guesses[full[0]["id"]] = f"{before}; {said}" if before else said
            folded[entry["id"]] = name
        return folded

    def split(self, text: str) -> list[str]:
        """One cell or title → agency names as printed. ';' and line breaks always separate; ',' and
        ' và ' only when every piece is a known agency (names like 'Sở Văn hóa, Thể thao và Du lịch'
        contain both)."""
        out: list[str] = []
        for part in re.split(r";|\n", text):
            part = part.strip().lstrip("-–+• ").strip().rstrip(".;,").strip()
            if not part:
                continue
            if self.known(part):
                out.append(part)
                continue
            pieces = self._known_pieces(part) or self._named_pieces(part)
            out += pieces if pieces else [part]
        return out

    def _known_pieces(self, text: str) -> list[str] | None:
        """Split at ', ' or ' và ' into pieces that are known forms (registry agencies and group
        names) or, failing that, read like an agency name of three words or more; fewest unknown
        pieces wins, and at least one piece must be known."""
        tokens = re.split(r"(,\s+|\s+và\s+)", text)
        words = tokens[0::2]
        n = len(words)
        if n < 2:
            return None

        def piece(i: int, j: int) -> str:
            return "".join(tokens[2 * i: 2 * j - 1])

        def cost(candidate: str) -> tuple[int, int] | None:
            """(unknown pieces, -known pieces): fewer guesses first, then more recognised names."""
            if self.known(candidate) or norm(candidate) in self.group_forms:
                return (0, -1)
            if self.looks_like_agency(candidate) and len(candidate.split()) >= 3:
                return (1, 0)
            return None

        best: list[tuple[tuple[int, int], list[str]] | None] = [None] * (n + 1)
        best[n] = ((0, 0), [])
        for i in range(n - 1, -1, -1):
            for j in range(n, i, -1):
                c = cost(piece(i, j))
                if c is None or best[j] is None:
                    continue
                total = (c[0] + best[j][0][0], c[1] + best[j][0][1])
                if best[i] is None or total < best[i][0]:
                    best[i] = (total, [piece(i, j)] + best[j][1])
        if best[0] is None:
            return None
        (unknown, _), pieces = best[0]
        return pieces if len(pieces) > 1 and unknown < len(pieces) else None

    def _named_pieces(self, text: str) -> list[str] | None:
        """Names nobody knows, split at ', ' or ' và ' only where every piece starts like an agency,
        capitalised, three words or more ("Công an tỉnh, Sở Y tế"); most pieces wins. "Sở Văn hóa, Thể
        thao và Du lịch" stays one: "Thể thao và Du lịch" does not start like an agency."""
        tokens = re.split(r"(,\s+|\s+và\s+)", text)
        n = len(tokens[0::2])
        best: list[list[str] | None] = [None] * (n + 1)
        best[n] = []
        for i in range(n - 1, -1, -1):
            for j in range(i + 1, n + 1):
                piece = "".join(tokens[2 * i: 2 * j - 1])
                # capitalised ("Công an tỉnh"), or a unit word in lower case ("phòng Tổng hợp")
                if best[j] is None or not (piece[:1].isupper() or re.match(r"(?:phòng|ban|tổ|đội)\s+[A-ZĐ]", piece)) \
                        or len(piece.split()) < 3 or not self.looks_like_agency(piece):
                    continue
                if best[i] is None or len(best[j]) + 1 > len(best[i]):
                    best[i] = [piece] + best[j]
        return best[0] if best[0] and len(best[0]) > 1 else None


# said of a name printed in capitals that no registry knows: its right casing cannot be told from the capitals
CAPITALS_KEPT = ("; tên in hoa trong văn bản, giữ nguyên vì không biết cách viết hoa đúng: hãy sửa 'name' theo "
                 "Nghị định 30 (viết hoa chữ đầu của loại cơ quan và của lĩnh vực, ví dụ 'Sở Tài chính')")


def in_capitals(name: str) -> bool:
    """'SỞ NỘI VỤ': a name of two words or more, every letter a capital (an abbreviation, 'UBND', is one word)."""
    letters = [c for c in name if c.isalpha()]
    return len(name.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)


def _initials(name: str) -> str:
    """'VPS' of 'Văn phòng Sở': each word's first letter, in capitals."""
    return "".join(w[0] for w in name.split() if w[0].isalpha()).upper()


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _abbreviates(short: list[str], full: list[str]) -> bool:
    if not full or short[0].casefold() != full[0].casefold():
        return False
    words = [w.strip(",;") for w in full[1:] if w.strip(",;-").casefold() not in ("và", "")]
    i = 0
    for token in short[1:]:
        if _is_acronym(token):
            letters = [c for c in token if c.isalpha()]
            part = words[i:i + len(letters)]
            if len(part) < len(letters) or any(w[:1].casefold() != c.casefold() for w, c in zip(part, letters)):
                return False
            i += len(letters)
        else:
            if i >= len(words) or words[i].casefold() != token.strip(",;").casefold():
                return False
            i += 1
    return i == len(words)
