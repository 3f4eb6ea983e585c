"""The guides for drafters (Markdown, in Vietnamese), installed as the package data `generator.docs` so
that `kehoach huong-dan` can show them where kehoach is installed without the repository."""
