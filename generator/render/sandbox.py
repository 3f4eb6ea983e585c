"""Jinja's immutable sandbox, as the Word template is rendered in, keeping what it compiled.

docxtpl compiles every part of the template (document, headers, footers) again at each build; the
compiled code depends only on the part's text and the environment's settings, so the same template is
compiled once per process: `watch` rebuilding, `build` of several plans, the tests."""
from __future__ import annotations

from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_COMPILED = 32  # template parts kept (a template has ~10)


class Sandbox(ImmutableSandboxedEnvironment):
    _compiled: dict[tuple, object] = {}  # shared by every Sandbox; oldest first

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        if raw or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)
        key = (source, name, filename, defer_init, self._settings())
        code = self._compiled.get(key)
        if code is None:  # a syntax error raises here and is not kept
            code = super().compile(source, name, filename, raw, defer_init)
            if len(self._compiled) >= MAX_COMPILED:
                del self._compiled[next(iter(self._compiled))]
            self._compiled[key] = code
        return code

    def _settings(self) -> tuple:
        """What the generated code depends on besides the text: the syntax, the options of code
        generation, and the names of filters and tests (checked as it compiles)."""
        return (type(self), self.block_start_string, self.block_end_string, self.variable_start_string,
                self.variable_end_string, self.comment_start_string, self.comment_end_string,
                self.line_statement_prefix, self.line_comment_prefix, self.trim_blocks, self.lstrip_blocks,
                self.newline_sequence, self.keep_trailing_newline, self.optimized, self.finalize, self.autoescape,
                self.undefined, self.is_async, tuple(sorted(self.extensions)), tuple(sorted(self.filters)),
                tuple(sorted(self.tests)))
