"""What every appendix table shares: its frame (label, title, "Kèm theo" line, orientation) and the
column widths, scaled to the text width and fitted to the amount of text."""
from __future__ import annotations

from generator.core.text import upper
from generator.core.units import cm_to_mm
from generator.nd30 import LANDSCAPE_TEXT_W, PORTRAIT_TEXT_W
from generator.render.lookups import Lookups
from generator.render.model import Column, Source, Table


def new_table(refs: Lookups, appendix, columns: list[Column]) -> Table:
    """The table of `appendix` with its frame and `columns` at their widths; rows are added by its kind."""
    columns = [Column(c.key, c.header, max(c.width_cm, 1.3), c.align, True) if c.key == "stt" else c
               for c in columns]
    natural = cm_to_mm(sum(c.width_cm for c in columns))
    landscape = appendix.orientation == "landscape" or (
        appendix.orientation == "auto" and natural > PORTRAIT_TEXT_W)
    width = LANDSCAPE_TEXT_W if landscape else PORTRAIT_TEXT_W
    fitted = scale_columns(columns, width)
    index = refs.appendix_index[appendix.id]
    return Table(appendix.id, refs.appendix_labels[appendix.id], upper(appendix.title), refs.attached_to(),
                 landscape, fitted, title_source=Source(("appendices", index, "title"), "upper"),
                 header_groups=[(g.text, g.span) for g in appendix.header_groups])


def scale_columns(columns: list[Column], width_mm: float) -> list[Column]:
    """Scale the non-fixed columns so the table fills the text width exactly."""
    fixed = cm_to_mm(sum(c.width_cm for c in columns if c.fixed))
    natural = cm_to_mm(sum(c.width_cm for c in columns if not c.fixed))
    scale = (width_mm - fixed) / natural
    return [Column(c.key, c.header, c.width_cm if c.fixed else round(c.width_cm * scale, 2), c.align, c.fixed)
            for c in columns]


MIN_COLUMN_CM = 2.0


def fit_to_content(table: Table) -> None:
    """Give text-heavy columns more room. Row height grows like the sum of (text / width) over the
    columns, so for a fixed total width the widths that minimise it are proportional to the square
    root of each column's amount of text; short columns keep a readable minimum."""
    chars = [0] * len(table.columns)
    for row in table.rows:
        if row.kind == "data":
            for i, cell in enumerate(row.cells):
                chars[i] += len(cell.text)
    if not any(chars):
        return
    width_mm = cm_to_mm(sum(c.width_cm for c in table.columns))
    weights = [max(MIN_COLUMN_CM, n ** 0.5) if not c.fixed else c.width_cm
               for c, n in zip(table.columns, chars)]
    proposed = [Column(c.key, c.header, w, c.align, c.fixed) for c, w in zip(table.columns, weights)]
    fitted = scale_columns(proposed, width_mm)
    # the minimum holds after scaling too
    short = [c for c in fitted if not c.fixed and c.width_cm < MIN_COLUMN_CM]
    if short:
        pinned = [Column(c.key, c.header, MIN_COLUMN_CM, c.align, True) if c in short else c for c in fitted]
        fitted = [Column(c.key, c.header, c.width_cm, c.align, c.key == "stt") for c in scale_columns(pinned, width_mm)]
    table.columns = fitted
