"""The suite's two tiers (issue 23: a suite a developer runs after every change, under a minute on the 2-core
machine, and nothing left unrun): `pytest` runs every test but the `slow` ones; `pytest -m slow` runs those;
CI (`.ci/run`) runs both, one after the other, and fails if either fails.

A test is slow for what it is, never for how long it happens to take:
- **stress**: hostile input campaigns, size and time bounds, fuzzing, files damaged at random, runs killed or
  racing, a full disk or a folder that cannot be written — the attack side of issue 22, each a sweep of many
  crafted inputs or a real process killed or starved;
- **environment**: the installed wheel in a fresh venv, the PDF export, a document resaved or laid out page by
  page by LibreOffice and compared, an old .doc/.odt converted — the tool inside what it runs with.

Every other test (the behaviour of each part: what kehoach prints, computes, refuses, the judged real .docx
documents, --fix on real and office documents) is in the first tier. One home: this file; `conftest.py` marks
the items. A path here that names no test file, or a test that no longer exists, fails the suite
(tests/test_architecture.py), so the list cannot rot."""
from __future__ import annotations

STRESS = "stress"
ENVIRONMENT = "environment"

FILES = {  # a whole test file → why
    "tests/test_fuzz.py": STRESS,
    "tests/word/test_hostile_office.py": STRESS,
    "tests/word/test_hostile_third.py": STRESS,
    "tests/word/test_hostile_fourth.py": STRESS,
    "tests/word/test_bounds.py": STRESS,
    "tests/word/test_bounds_scaling.py": STRESS,
    "tests/word/test_bounds_patterns.py": STRESS,
    "tests/word/test_bounds_patterns_rewritten.py": STRESS,
    "tests/word/test_mutations.py": STRESS,
    "tests/word/test_read_as_printed.py": STRESS,
    "tests/test_install.py": ENVIRONMENT,
    "tests/test_pdf.py": ENVIRONMENT,
    "tests/word/test_libreoffice.py": ENVIRONMENT,
    "tests/word/test_fix_pages.py": ENVIRONMENT,
}

TESTS = {  # file::function (every parameter of it) → why
    "tests/word/test_fix.py::test_damaged_documents_never_crash_check_or_fix": STRESS,
    "tests/core/test_files_errors.py::test_a_full_disk_leaves_the_old_file_and_says_so": STRESS,
    "tests/core/test_files_errors.py::test_a_read_only_folder_says_write_permission": STRESS,
    "tests/core/test_files_errors.py::test_file_too_large_for_the_system_is_said": STRESS,
    "tests/core/test_files_write.py::test_o_never_replaces_a_device_fifo_or_directory": STRESS,
    "tests/core/test_files_write.py::test_kill_9_leaves_a_temporary_file_the_next_run_removes": STRESS,
    "tests/core/test_files_write.py::test_a_killed_runs_working_folder_in_the_system_temp_is_removed": STRESS,
    # a real build process killed (SIGKILL) at each of its three steps, then the folder inspected: a run killed
    "tests/test_build.py::test_killed_build_never_leaves_the_output_folder_missing_or_mixed": STRESS,
    "tests/workflow/test_review_merge.py::test_two_reviewers_at_the_same_time_both_reach_the_plan": STRESS,
    "tests/workflow/test_review_merge.py::test_a_run_killed_mid_way_leaves_the_plan_whole_and_free": STRESS,
    "tests/workflow/test_review_merge.py::test_reviewers_editing_in_libreoffice_all_reach_the_plan": ENVIRONMENT,
    "tests/workflow/test_review_merge.py::test_the_record_survives_a_libreoffice_save": ENVIRONMENT,
    "tests/workflow/test_review.py::test_a_seed_plan_saved_by_libreoffice_maps_back_exactly": ENVIRONMENT,
    # the Word-written comment resaved by a LibreOffice of its own (a cold start with a fresh profile), then read
    "tests/workflow/test_review.py::test_a_comment_on_a_task_is_listed_after_libreoffice_saved_the_file": ENVIRONMENT,
    "tests/word/test_check.py::test_office_document_resaved_by_libreoffice_reports_the_same": ENVIRONMENT,
    "tests/word/test_importer.py::test_office_file_resaved_by_libreoffice": ENVIRONMENT,
    "tests/word/test_import_tables.py::test_page_counts_of_original_and_rebuilt": ENVIRONMENT,
    "tests/office/test_make_office.py::test_resaved_by_libreoffice_keeps_the_text": ENVIRONMENT,
    "tests/test_sources.py::test_tags_survive_a_libreoffice_save": ENVIRONMENT,
    "tests/test_cli_import.py::test_import_old_doc_through_libreoffice": ENVIRONMENT,
    "tests/test_cli_import.py::test_import_of_an_odt_names_the_odt_it_converted": ENVIRONMENT,
}

# judged real documents kept as .doc (tests/real/test_judged_check.py): read through a LibreOffice conversion
CONVERTED = (".doc", ".rtf", ".odt")


def why(nodeid: str) -> str | None:
    """The tier reason of a collected test (None: first tier)."""
    path, _, rest = nodeid.partition("::")
    if path in FILES:
        return FILES[path]
    return TESTS.get(f"{path}::{rest.split('[', 1)[0]}")
