"""Decree 30/2020/NĐ-CP in one place: its layout (layout.py), the words of a document's frame
(grammar.py), the label grammar (labels.py) and the rules `check` reports (rules.py), used alike by the
renderer, the importer, the review round trip and the checker. `from generator import nd30` gives all
of them; check.py and fix.py judge and mend any .docx by them."""
from generator.nd30.grammar import *  # noqa: F401,F403
from generator.nd30.labels import *  # noqa: F401,F403
from generator.nd30.layout import *  # noqa: F401,F403
