"""The rules `kehoach check` reports, by id: what each checks, in the drafter's words."""
from __future__ import annotations

# ---------------------------------------------------------------- the rules `kehoach check` reports

RULES = {
    "page.size": "khổ giấy A4", "page.orientation": "trang đứng", "page.margins": "lề trang",
    "font.family": "phông Times New Roman", "font.size-pair": "cặp cỡ chữ thống nhất (13/14 hoặc 12/13)",
    "national.missing": "có Quốc hiệu", "national.text": "chữ của Quốc hiệu", "national.style": "Quốc hiệu in hoa, đậm",
    "national.size": "cỡ chữ Quốc hiệu", "motto.missing": "có Tiêu ngữ", "motto.text": "chữ của Tiêu ngữ",
    "motto.style": "Tiêu ngữ đậm, canh giữa", "motto.size": "cỡ chữ Tiêu ngữ", "motto.position": "Tiêu ngữ dưới Quốc hiệu",
    "motto.rule": "đường kẻ dưới Tiêu ngữ", "rule.typed": "đường kẻ vẽ, không gõ dấu gạch dưới",
    "issuer.missing": "có tên cơ quan ban hành", "issuer.style": "tên cơ quan in hoa, đậm",
    "issuer.size": "cỡ chữ tên cơ quan", "issuer.rule": "đường kẻ dưới tên cơ quan",
    "number.missing": "có số, ký hiệu", "number.form": "dạng “Số: 05/KH-UBND”", "number.style": "số, ký hiệu chữ đứng",
    "number.size": "cỡ chữ số, ký hiệu", "date.missing": "có địa danh, ngày tháng",
    "date.form": "ngày tháng đầy đủ, thêm số 0 đúng chỗ", "date.style": "ngày tháng in nghiêng",
    "date.size": "cỡ chữ ngày tháng", "date.position": "số và ngày tháng cùng một dòng",
    "doctype.missing": "có tên loại “KẾ HOẠCH”", "doctype.style": "tên loại in hoa, đậm, canh giữa",
    "doctype.size": "cỡ chữ tên loại", "title.missing": "có trích yếu", "title.style": "trích yếu đậm, canh giữa",
    "title.size": "cỡ chữ trích yếu", "title.rule": "đường kẻ dưới trích yếu",
    "heading.sequence": "thứ tự mục, khoản, điểm", "heading.numbering": "điểm đánh a), b), c)…",
    "heading.style": "tiêu đề mục in hoa, đậm; điểm chữ đứng", "body.justify": "nội dung canh đều hai lề",
    "body.indent": "thụt đầu dòng 1 cm hoặc 1,27 cm", "body.italic": "nội dung chữ đứng",
    "body.spacing": "khoảng cách đoạn tối thiểu 6 pt", "body.line-spacing": "khoảng cách dòng đơn đến 1,5",
    "body.size": "cỡ chữ nội dung 13–14", "closing.mark": "kết thúc bằng “./.”",
    "recipients.missing": "có Nơi nhận", "recipients.label": "“Nơi nhận:” 12, đậm nghiêng",
    "recipients.items": "nơi nhận gạch đầu dòng, chữ đứng", "recipients.punctuation": "“;” cuối dòng, “.” cuối cùng",
    "recipients.archive": "“- Lưu: VT, …” là dòng cuối", "recipients.size": "cỡ chữ nơi nhận 11",
    "recipients.position": "Nơi nhận bên trái, ngang chữ ký", "signer.missing": "có chức vụ, họ tên người ký",
    "signer.authority": "TM., KT. và chức vụ", "signer.style": "chức vụ, họ tên đậm", "signer.size": "cỡ chữ chữ ký",
    "signer.name": "họ tên người ký", "pagenum.missing": "có số trang", "pagenum.position": "số trang giữa lề trên",
    "pagenum.first": "không số trang ở trang đầu", "pagenum.size": "cỡ chữ số trang",
    "appendix.label": "“Phụ lục”, “Phụ lục I/II”", "appendix.section": "mỗi phụ lục một phần riêng",
    "appendix.page-numbers": "số trang phụ lục đánh lại", "appendix.attached": "dòng “(Kèm theo …)”",
    "appendix.title": "tên phụ lục in hoa, đậm", "table.header-repeat": "dòng tiêu đề bảng lặp lại",
    "table.cant-split": "hàng bảng không ngắt trang",
}
