"""`manage.py solve_roster` reads a problem file and writes a result file."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from .checker import check


def test_solve_roster_writes_a_valid_result(example, tmp_path, capsys):
    problem = tmp_path / "problem.json"
    result = tmp_path / "result.json"
    problem.write_text(json.dumps(example))

    call_command(
        "solve_roster",
        "--input",
        str(problem),
        "--output",
        str(result),
        "--time-limit",
        "5",
    )

    written = json.loads(result.read_text())
    assert written["status"] in {"optimal", "feasible", "partial"}
    assert check(example, written) == []


def test_solve_roster_lists_every_problem_of_a_bad_file(example, tmp_path, capsys):
    example["month"] = "2027-13"
    example["lines"][0]["max_parallel"] = -1
    problem = tmp_path / "problem.json"
    problem.write_text(json.dumps(example))

    with pytest.raises(CommandError):
        call_command(
            "solve_roster",
            "--input",
            str(problem),
            "--output",
            str(tmp_path / "r.json"),
        )

    errors = capsys.readouterr().err
    assert "$.month" in errors
    assert "max_parallel" in errors
    assert not (tmp_path / "r.json").exists()
