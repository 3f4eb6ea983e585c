"""Vietnamese for click's own messages (usage, option errors), so a drafter sees no English.

click looks up every message through the module-level `_`/`ngettext` names it imports from gettext;
replacing those names in click's modules translates the strings we know and leaves the rest as is.
"""
from __future__ import annotations

import importlib

VI = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "In hướng dẫn này và thoát.",
    "Show the version and exit.": "In phiên bản và thoát.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Chạy '{command} {option}' để xem hướng dẫn.",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing command.": "Thiếu lệnh (ví dụ init, validate, build; xem kehoach --help).",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "default: {default}": "mặc định: {default}",
    "Aborted!": "Đã dừng.",
    "argument": "đối số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "{value} is not in the range {range}.": "{value} nằm ngoài giới hạn ({range}).",
}
OPTIONS_METAVAR = "[TÙY_CHỌN]"  # click's default "[OPTIONS]" in usage lines
# click's ngettext pairs: English singular -> (Vietnamese for one, Vietnamese for several)
VI_PLURAL = {
    "Got unexpected extra argument ({args})": ("Thừa đối số ({args})", "Thừa đối số ({args})"),
    "Option {name!r} requires an argument.": ("Tùy chọn {name!r} cần một giá trị.",
                                               "Tùy chọn {name!r} cần {nargs} giá trị."),
    "{value!r} is not {choice}.": ("{value!r} không phải là {choice}.",
                                   "{value!r} không thuộc các giá trị: {choices}."),
    "Did you mean {possibility}?": ("Có phải ý bạn là {possibility}?",
                                    "(Có phải ý bạn là một trong: {possibilities}?)"),
    "Argument {name!r} takes {nargs} values.": ("Đối số {name!r} cần {nargs} giá trị.",
                                                "Đối số {name!r} cần {nargs} giá trị."),
}
# Metavars click derives from type names (PATH, INTEGER...): shown in every usage line.
METAVARS = {
    "PATH": "ĐƯỜNG_DẪN", "INTEGER": "SỐ", "FLOAT": "SỐ", "TEXT": "CHỮ", "FILENAME": "TỆP", "FILE": "TỆP",
    "DIRECTORY": "THƯ_MỤC", "BOOLEAN": "CÓ_KHÔNG", "INTEGER RANGE": "SỐ", "FLOAT RANGE": "SỐ",
    "CHOICE": "LỰA_CHỌN", "UUID": "MÃ",
}
_MODULES = ("core", "formatting", "exceptions", "parser", "decorators", "types", "termui", "utils")


def _gettext(message: str) -> str:
    return VI.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in VI_PLURAL:
        one, several = VI_PLURAL[singular]
        return one if n == 1 else several
    return singular if n == 1 else plural


def _vietnamese_metavar(make_metavar):
    def wrapper(self, *args, **kwargs):
        metavar = make_metavar(self, *args, **kwargs)
        if self.metavar is not None:
            return metavar
        for english, vi in METAVARS.items():
            metavar = metavar.replace(english, vi)
        return metavar
    wrapper.kehoach_vi = True
    return wrapper


def _describe_range(self) -> str:
    """'từ 1 trở lên' for click's 'x>=1' (the bracket after an option's help, and range errors)."""
    low = None if self.min is None else (f"lớn hơn {self.min}" if self.min_open else f"từ {self.min}")
    high = None if self.max is None else (f"nhỏ hơn {self.max}" if self.max_open else f"đến {self.max}")
    if low and high:
        return f"{low} {high}" if not self.min_open else f"{low}, {high}"
    if low:
        return low if self.min_open else f"{low} trở lên"
    return f"{'nhỏ hơn' if self.max_open else 'tối đa'} {self.max}"


def _usage_pieces(collect):
    def wrapper(self, ctx):
        return [OPTIONS_METAVAR if piece == "[OPTIONS]" else piece for piece in collect(self, ctx)]
    wrapper.kehoach_vi = True
    return wrapper


def install() -> None:
    import click.core
    import click.types

    click.types._NumberRangeBase._describe_range = _describe_range
    if not getattr(click.core.Command.collect_usage_pieces, "kehoach_vi", False):
        click.core.Command.collect_usage_pieces = _usage_pieces(click.core.Command.collect_usage_pieces)

    for cls in (click.core.Option, click.core.Argument):
        if not getattr(cls.make_metavar, "kehoach_vi", False) and "make_metavar" in vars(cls):
            cls.make_metavar = _vietnamese_metavar(cls.make_metavar)
    if not getattr(click.core.Parameter.make_metavar, "kehoach_vi", False):
        click.core.Parameter.make_metavar = _vietnamese_metavar(click.core.Parameter.make_metavar)
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
