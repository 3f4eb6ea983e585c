"""Where the default Word and Excel templates live: inside the installed package, or in the
repository's templates/ folder when running from a checkout."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

REPO_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def default_template(name: str) -> Path:
    try:
        candidate = Path(str(resources.files("generator.templates").joinpath(name)))
        if candidate.is_file():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    return REPO_TEMPLATES / name
