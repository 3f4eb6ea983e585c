"""Default templates, installed as the package data `generator.templates` (see pyproject.toml)."""
