"""The ONE Word reader: any .docx → a neutral document tree (model.py) + messages about what it could not
handle. `import`, `import --onto` and `check` all read Word files through here."""
from generator.word.convert import convert_doc
from generator.word.model import (Cell, Change, Comment, Document, Drawing, Message, Note, Paragraph, Result, Row, Run,
                    Section, Table)
from generator.word.package import Package, open_package
from generator.word.reader import read_docx, read_package

__all__ = ["Cell", "Change", "Comment", "Document", "Drawing", "Message", "Note", "Package", "Paragraph", "Result", "Row",
           "Run", "Section", "Table", "convert_doc", "open_package", "read_docx", "read_package"]
