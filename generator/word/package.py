"""Open a .docx safely: the only module of the Word reader that touches the file system.

Everything here treats the file as hostile: the size is checked before reading, the zip's declared sizes
are not trusted (parts are inflated in bounded chunks and counted), XML with a DOCTYPE is refused
(external entities, billion laughs) and parsed without entity resolution or network.

The work a package can cause is bounded for the WHOLE package, not part by part (250 header parts each
under a per-part limit once took `check` to 14 GB): the XML bytes parsed, the elements they can make
(counted as "<" in the bytes, before parsing) and the paragraphs and runs of the parsed parts are summed
over every part and refused, naming the limit, as soon as a sum passes its limit — before the reader walks
anything (reader.py parses every part it will walk first)."""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from generator.core.errors import WordFileError, library_vi
from generator.core.text import decimal

MAX_BYTES = 50 * 1024 * 1024  # the .docx file itself
MAX_ENTRIES = 3000
MAX_PART_BYTES = 64 * 1024 * 1024  # one inflated part
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts read, inflated
MAX_RATIO = 200  # inflated/compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
CHUNK = 64 * 1024
# Whole-package budget of parsed XML. The largest real document seen (a 40-page report with tables) has
# 1.8 MB of XML, 48,000 elements, 981 paragraphs and 4,547 runs; reading costs about 6 KB of memory and
# 0.1 ms per paragraph and 1 KB per run, so these limits keep `check --fix` (which reads twice) within a
# few hundred MB and seconds.
MAX_XML_BYTES = 32 * 1024 * 1024
MAX_NODES = 1_000_000  # elements, counted as "<" before parsing (a parsed tree costs ~110 bytes each)
MAX_PARAGRAPHS = 10_000
MAX_RUNS = 50_000
# Characters of text (w:t, w:delText, w:instrText) in all parts together. The largest real document seen
# holds 78,000 (its longest paragraph 2,157); every rule and the importer walk the text a few times, and one
# word of 3.5 million letters within the XML budget took `check` 13.6 s and 790 MB, one million combining
# marks 57 s (issue 22, second campaign).
MAX_CHARS = 1_000_000
# Combining marks in a row on one letter: Vietnamese writes at most two (a hat and a tone, decomposed); Unicode's
# stream-safe form (UAX #15) allows 30. A run of a million ("Zalgo" text) cost every rule a normalisation each.
MAX_MARKS = 30
_MARK_RUN = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{%d}" % (MAX_MARKS + 1))

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
MAIN_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
MACRO_MARKERS = ("macroenabled", "vbaproject", "vbadata", "ms-office.activex")

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_blank_text=False, dtd_validation=False)


@dataclass(frozen=True)
class Rel:
    id: str
    type: str
    target: str  # part name inside the package (no leading slash), or the URL when external
    external: bool


@dataclass(frozen=True)
class Budget:
    """What one package may cost, summed over all its parts (see the module's docstring)."""

    part_bytes: int = MAX_PART_BYTES
    total_bytes: int = MAX_TOTAL_BYTES  # every byte inflated, parts copied by --fix included
    xml_bytes: int = MAX_XML_BYTES
    nodes: int = MAX_NODES
    paragraphs: int = MAX_PARAGRAPHS
    runs: int = MAX_RUNS
    chars: int = MAX_CHARS


_W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _R = f"{{{_W_MAIN}}}p", f"{{{_W_MAIN}}}r"
_TEXT_TAGS = tuple(f"{{{_W_MAIN}}}{tag}" for tag in ("t", "delText", "instrText"))


def _census(root) -> tuple[int, int, str]:
    """(w:p elements, w:r elements, the text of w:t, w:delText and w:instrText, as itertext gives it) of a parsed part,
    in one pass over its tree (three passes — two XPath counts and itertext — cost three times as much; issue 23)."""
    paragraphs = runs = 0
    texts: list[str] = []
    for node in root.iter(_P, _R, *_TEXT_TAGS):
        tag = node.tag
        if tag == _R:
            runs += 1
        elif tag == _P:
            paragraphs += 1
        else:
            text = node.text
            if text:
                texts.append(text)
    return paragraphs, runs, "".join(texts)


@dataclass
class Package:
    """An opened, checked .docx. Parts are inflated lazily, by name, within the package's budget."""

    path: Path
    main_part: str
    _zip: zipfile.ZipFile
    _names: dict[str, zipfile.ZipInfo]
    budget: Budget = field(default_factory=Budget)
    _read_total: int = 0
    _xml_bytes: int = 0
    _nodes: int = 0
    _paragraphs: int = 0
    _runs: int = 0
    _chars: int = 0
    _xml_cache: dict[str, etree._Element] = field(default_factory=dict)
    _rels_cache: dict[str, dict[str, Rel]] = field(default_factory=dict)
    # the digest of every part read, and (while reader.memo records one) every look taken at the package: what
    # a reading depended on, so the same reading can be given again for the same parts (memo.py)
    _digests: dict[str, bytes] = field(default_factory=dict)
    trace: list[tuple[str, bytes | None]] | None = None

    # -- raw parts ------------------------------------------------------------------------------
    def has(self, name: str) -> bool:
        key = _norm(name)
        if self.trace is not None:
            self.trace.append((key, b"" if key in self._names else None))  # b"": there, bytes not looked at
        return key in self._names

    def names(self) -> list[str]:
        if self.trace is not None:
            self.trace.append(("\0names", "\0".join(self._names).encode()))
        return list(self._names)

    def names_seen(self) -> list[str]:
        """names() without recording a look."""
        return list(self._names)

    def info(self, name: str) -> zipfile.ZipInfo | None:
        return self._names.get(name)

    def spent(self) -> tuple[int, ...]:
        """What the package has spent of its budget so far (bytes inflated, XML bytes, elements, paragraphs, runs,
        characters)."""
        return self._read_total, self._xml_bytes, self._nodes, self._paragraphs, self._runs, self._chars

    def digest(self, name: str, *, counted: bool = True) -> bytes:
        """The part's digest, reading it (within the budget) unless it was read before; not `counted`: the bytes
        inflated to compare it are given back to the budget (the reading that follows counts them as it reads)."""
        if name not in self._digests:
            spent = self._read_total
            self.read(name)
            if not counted:
                self._read_total = spent
        return self._digests[name]

    def read(self, name: str, *, xml_room: int | None = None) -> bytes:
        """The part's bytes. `xml_room`: what is left of the XML budget (the part is to be parsed)."""
        info = self._names.get(_norm(name))
        if info is None:
            raise KeyError(name)
        chunks, size = [], 0
        try:
            with self._zip.open(info) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > self.budget.part_bytes or self._read_total > self.budget.total_bytes:
                        raise _err(self.path, f"phần {info.filename} giải nén ra quá lớn (hơn "
                                              f"{_mb(min(self.budget.part_bytes, self.budget.total_bytes))}); "
                                              "tệp có thể là một “bom nén” nên không được đọc")
                    if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                        raise _err(self.path, f"phần {info.filename} có tỉ lệ nén bất thường (hơn "
                                              f"{MAX_RATIO} lần); tệp có thể là một “bom nén” nên không được đọc")
                    if xml_room is not None and size > xml_room:
                        raise self._over("nội dung XML", _mb(self.budget.xml_bytes), info.filename)
                    chunks.append(chunk)
        except WordFileError:
            raise
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise _err(self.path, f"không giải nén được phần {info.filename} ({exc}); tệp bị hỏng hoặc "
                                  "không đầy đủ") from None
        except Exception as exc:  # zlib.error and friends: a damaged stream, never a traceback
            raise _err(self.path, f"không giải nén được phần {info.filename} ({type(exc).__name__}); "
                                  "tệp bị hỏng") from None
        data = b"".join(chunks)
        self._digests[_norm(info.filename)] = hashlib.blake2b(data, digest_size=20).digest()
        return data

    def xml_text(self, name: str) -> str | None:
        """The part as text, counted in the XML budget like a parsed part (for a part searched, not walked:
        docProps/app.xml's page count); None when the package has no such part."""
        key = _norm(name)
        if key not in self._names:
            self._look(key)
            return None
        data = self.read(key, xml_room=self.budget.xml_bytes - self._xml_bytes)
        self._xml_bytes += len(data)
        self._look(key)
        return data.decode("utf-8", "replace")

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part, or None when the package has no such part."""
        key = _norm(name)
        if key not in self._names:
            self._look(key)
            return None
        if key not in self._xml_cache:
            data = self.read(key, xml_room=self.budget.xml_bytes - self._xml_bytes)
            self._xml_bytes += len(data)
            self._nodes += data.count(b"<")  # every element starts with one (UTF-16 too): known before parsing
            if self._nodes > self.budget.nodes:
                raise self._over("phần tử XML", _thousands(self.budget.nodes), key)
            root = parse_xml(data, self.path, key)
            del data
            paragraphs, runs, text = _census(root)
            self._paragraphs += paragraphs  # any part: a header's root need not be w:hdr to be walked
            self._runs += runs
            if self._paragraphs > self.budget.paragraphs:
                raise self._over("đoạn văn", _thousands(self.budget.paragraphs), key)
            if self._runs > self.budget.runs:
                raise self._over("đoạn chữ (run)", _thousands(self.budget.runs), key)
            self._chars += len(text)
            if self._chars > self.budget.chars:
                raise self._over("chữ", _thousands(self.budget.chars) + " ký tự", key)
            if _MARK_RUN.search(text):
                raise _err(self.path, f"phần {key} có hơn {MAX_MARKS} dấu (ký tự kết hợp) liền nhau trên một chữ; "
                                      "văn bản thật không có, tệp bị làm giả hoặc hỏng nên không được đọc")
            del text
            self._xml_cache[key] = root
        self._look(key)
        return self._xml_cache[key]

    def _look(self, key: str) -> None:
        if self.trace is not None:
            self.trace.append((key, self._digests.get(key) if key in self._names else None))

    def forget_parsed(self) -> None:
        """Drop the parsed parts (a caller done with them frees their memory); what they cost of the budget
        stays spent, and a part asked for again is parsed again within what is left."""
        self._xml_cache.clear()
        self._rels_cache.clear()

    def _over(self, what: str, limit: str, part: str) -> WordFileError:
        return _err(self.path, f"tệp có quá nhiều {what}: hơn {limit}, giới hạn tính cho mọi phần của tệp cộng "
                               f"lại (thân, đầu/chân trang, chú thích, ý kiến; dừng ở phần {part}); tệp bất thường "
                               "hoặc quá lớn nên không được đọc")

    # -- relationships ----------------------------------------------------------------------------
    def rels(self, part: str) -> dict[str, Rel]:
        part = _norm(part)
        if part not in self._rels_cache:
            folder, base = posixpath.split(part)
            rels_name = posixpath.join(folder, "_rels", base + ".rels")
            root = self.xml(rels_name)
            found: dict[str, Rel] = {}
            if root is not None:
                for node in root.iter(f"{{{NS_REL}}}Relationship"):
                    rid, target = node.get("Id"), node.get("Target") or ""
                    if not rid:
                        continue
                    external = node.get("TargetMode") == "External"
                    if not external:
                        target = _norm(target[1:] if target.startswith("/") else posixpath.join(folder, target))
                    found[rid] = Rel(rid, node.get("Type") or "", target, external)
            self._rels_cache[part] = found
        return self._rels_cache[part]

    def related(self, part: str, type_suffix: str) -> list[Rel]:
        """Internal relationships of `part` whose type ends with `/type_suffix`."""
        return [r for r in self.rels(part).values()
                if not r.external and r.type.rsplit("/", 1)[-1] == type_suffix]

    def related_xml(self, part: str, type_suffix: str) -> etree._Element | None:
        for rel in self.related(part, type_suffix):
            root = self.xml(rel.target)
            if root is not None:
                return root
        return None

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _norm(name: str) -> str:
    name = name.replace("\\", "/").lstrip("/")
    return posixpath.normpath(name) if name else name


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def _err(path: Path | str, message: str) -> WordFileError:
    return WordFileError(f"{path}: {message}")


def _xml_reason(exc: etree.XMLSyntaxError) -> str:
    """The parser's reason in Vietnamese; one the table of library_vi does not know is said by its place
    (lxml's English, "xmlParseCharRef: invalid xmlChar value 65535", was printed as it was)."""
    english = exc.msg or ""
    said = library_vi(english)
    if said != english:
        return said
    line, col = exc.position if exc.position else (exc.lineno, 0)
    return f"lỗi cú pháp ở dòng {line}, cột {col}"


def parse_xml(data: bytes, path: Path | str, part: str) -> etree._Element:
    """Parse one XML part; any DTD is refused before and after parsing (the byte check is fast, the
    docinfo check catches encodings the byte check cannot see)."""
    head = data[:4096]
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data or head.startswith((b"\xff\xfe", b"\xfe\xff")) \
            and ("<!DOCTYPE".encode("utf-16-le") in data or "<!DOCTYPE".encode("utf-16-be") in data):
        raise _err(path, f"phần {part} khai báo DOCTYPE/ENTITY (có thể là tấn công XXE hoặc “billion "
                         "laughs”); tệp Word hợp lệ không có khai báo này nên không được đọc")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "depth" in (exc.msg or "").lower():
            raise _err(path, f"phần {part} lồng nhau quá sâu (hơn 256 cấp); tệp bị làm giả hoặc hỏng") from None
        raise _err(path, f"phần {part} không phải XML hợp lệ ({_xml_reason(exc)}); tệp bị hỏng") from None
    if root is None:
        raise _err(path, f"phần {part} rỗng; tệp bị hỏng")
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise _err(path, f"phần {part} khai báo DOCTYPE; tệp Word hợp lệ không có khai báo này nên không được đọc")
    return root


def open_package(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES,
                 max_part_bytes: int = MAX_PART_BYTES, max_total_bytes: int = MAX_TOTAL_BYTES,
                 max_xml_bytes: int = MAX_XML_BYTES, max_nodes: int = MAX_NODES,
                 max_paragraphs: int = MAX_PARAGRAPHS, max_runs: int = MAX_RUNS,
                 max_chars: int = MAX_CHARS) -> Package:
    """Open and check a .docx. Raises WordFileError (Vietnamese, names the file) for anything that is not a
    plain, macro-free, unencrypted WordprocessingML package within the limits (the budget's are checked as
    parts are parsed)."""
    budget = Budget(max_part_bytes, max_total_bytes, max_xml_bytes, max_nodes, max_paragraphs, max_runs, max_chars)
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _err(path, "không tìm thấy tệp") from None
    except OSError as exc:
        raise _err(path, f"không đọc được tệp ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise _err(path, "đây là một thư mục, không phải tệp Word")
    if not stat.S_ISREG(st.st_mode):
        raise _err(path, "không phải tệp thông thường (thiết bị, FIFO hay socket); chỉ đọc tệp .docx")
    if st.st_size > max_bytes:
        raise _err(path, f"tệp quá lớn ({decimal(round(st.st_size / 1024 / 1024, 1))} MB, giới hạn {_mb(max_bytes)})")
    if st.st_size == 0:
        raise _err(path, "tệp rỗng (0 byte)")
    suffix = path.suffix.lower()
    if suffix in (".docm", ".dotm"):
        raise _err(path, "tệp Word có macro (.docm) không được đọc vì lý do an toàn; hãy lưu lại thành .docx")
    try:
        # O_NONBLOCK: a FIFO swapped in after the stat above must not hang the open (no effect on files)
        fh = os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")
    except OSError as exc:
        raise _err(path, f"không mở được tệp ({exc.strerror})") from None
    try:
        # re-check on the open handle: the path may have been swapped between stat and open
        st2 = os.fstat(fh.fileno())
        if not stat.S_ISREG(st2.st_mode) or st2.st_size > max_bytes:
            raise _err(path, "tệp đã thay đổi trong khi mở hoặc không phải tệp thông thường")
        magic = fh.read(8)
        if magic == OLE_MAGIC:
            if suffix in (".doc", ".dot"):
                raise _err(path, "đây là tệp Word cũ (.doc); hãy chuyển sang .docx (kehoach làm được việc này "
                                 "bằng LibreOffice) rồi đọc lại")
            raise _err(path, "tệp được đặt mật khẩu/mã hóa, hoặc là tệp .doc cũ đổi tên; hãy mở bằng Word, "
                             "bỏ mật khẩu và lưu lại thành .docx")
        if magic.startswith(b"%PDF"):
            raise _err(path, "đây là tệp PDF, không phải văn bản Word: hãy dùng tệp .docx (hoặc .doc) của văn bản")
        if not magic.startswith(ZIP_MAGIC) and suffix in (".yaml", ".yml"):
            raise _err(path, "đây là tệp kế hoạch (YAML), không phải văn bản Word: kiểm tra tệp kế hoạch bằng "
                             "'kehoach validate', tạo văn bản bằng 'kehoach build'")
        if not magic.startswith(ZIP_MAGIC):
            raise _err(path, "không phải tệp .docx (không phải gói ZIP của Word)")
        fh.seek(0)
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            raise _err(path, f"tệp .docx bị hỏng hoặc không đầy đủ ({exc})") from None
        infos = zf.infolist()
        if len(infos) > max_entries:
            raise _err(path, f"gói .docx có quá nhiều phần ({len(infos)}, giới hạn {max_entries})")
        names: dict[str, zipfile.ZipInfo] = {}
        declared = 0
        for info in infos:
            if info.is_dir():
                continue
            declared += info.file_size
            key = _norm(info.filename)
            if key in names:
                # two parts with one name: readers would disagree on which one is the document
                raise _err(path, f"gói .docx có hai phần cùng tên {info.filename}; tệp bị làm giả hoặc hỏng")
            if info.flag_bits & 0x1:
                raise _err(path, f"phần {info.filename} được mã hóa bằng mật khẩu; hãy bỏ mật khẩu và lưu lại")
            names[key] = info
            lower = info.filename.lower()
            if any(m in lower for m in ("vbaproject", "vbadata")) or lower.endswith(".bin") and "activex" in lower:
                raise _err(path, "tệp chứa macro (vbaProject.bin); không được đọc vì lý do an toàn — hãy lưu "
                                 "lại thành .docx không có macro")
        if declared > max_total_bytes:
            raise _err(path, f"gói .docx khai báo dung lượng giải nén quá lớn ({_mb(declared)}); tệp có thể "
                             "là một “bom nén” nên không được đọc")
        pkg = Package(path, "", zf, names, budget=budget)
        _check_content_types(pkg)
        pkg.main_part = _main_part(pkg)
        _check_main_type(pkg)
        _check_loops(pkg)
        return pkg
    except BaseException:
        fh.close()
        raise


def _check_content_types(pkg: Package) -> None:
    root = pkg.xml("[Content_Types].xml")
    if root is None:
        raise _err(pkg.path, "gói .docx thiếu [Content_Types].xml; tệp bị hỏng hoặc không phải tệp Word")
    for node in root:
        ctype = (node.get("ContentType") or "").lower()
        if any(m in ctype for m in MACRO_MARKERS):
            raise _err(pkg.path, "tệp có macro (kiểu nội dung macroEnabled/VBA); không được đọc vì lý do an "
                                 "toàn — hãy lưu lại thành .docx không có macro")


def _check_main_type(pkg: Package) -> None:
    """The main part must be declared a Word document or template (ECMA-376 part 1, 11.3.10): LibreOffice
    (7.4) refuses to load a file whose document.xml is declared plain XML; reading it anyway would let
    `check` call correct a file the recipient's office program may not open."""
    main = pkg.main_part
    declared = None
    for node in pkg.xml("[Content_Types].xml"):
        if not isinstance(node.tag, str):  # a comment or processing instruction
            continue
        name = etree.QName(node).localname
        if name == "Override" and (node.get("PartName") or "").lstrip("/").lower() == main.lower():
            declared = node.get("ContentType") or ""
            break
        if name == "Default" and declared is None and \
                main.lower().endswith("." + (node.get("Extension") or "").lower()):
            declared = node.get("ContentType") or ""
    kind = (declared or "").split(";")[0].strip().lower()
    if kind not in MAIN_TYPES:
        raise _err(pkg.path, f"phần văn bản chính {main} được khai báo kiểu nội dung “{declared or '(không có)'}” "
                             "chứ không phải văn bản Word: tệp không đúng chuẩn .docx (LibreOffice không mở được) "
                             "— hãy mở bản gốc bằng Word hoặc LibreOffice và lưu lại thành .docx")


def _check_loops(pkg: Package) -> None:
    """No part of the document (header, footer, notes, an embedded chunk) may be the main document itself:
    LibreOffice, given one such file by `check --fix`, recursed until killed (issue 22, second campaign)."""
    main = pkg.main_part
    for part in [main] + [r.target for r in pkg.rels(main).values() if not r.external and r.target != main]:
        for rel in pkg.rels(part).values():
            if not rel.external and rel.target == main:
                raise _err(pkg.path, f"phần {part} lấy chính văn bản ({main}) làm một phần của nó "
                                     f"(quan hệ {rel.id}, vòng lặp); tệp bị làm giả hoặc hỏng")


def _main_part(pkg: Package) -> str:
    for rel in pkg.rels("").values() if pkg.has("_rels/.rels") else []:
        if rel.type in REL_OFFICE_DOCUMENT and not rel.external:
            if pkg.has(rel.target):
                return rel.target
            raise _err(pkg.path, f"gói .docx trỏ tới {rel.target} nhưng không có phần này; tệp bị hỏng")
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    raise _err(pkg.path, "gói không có word/document.xml; đây không phải tệp văn bản Word (.docx)")
