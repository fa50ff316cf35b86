"""The install takes the lock alone: a lock that leaves anything to pip fails.

``make`` installs with ``pip install --no-deps``, so pip never resolves a
dependency itself; ``scripts/check_lock.py`` proves the lock is closed and the
environment is exactly the lock. These tests show that the check would have
caught the day a new fonttools broke the install, and any lock like it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
SCRIPT = ROOT / "scripts" / "check_lock.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_lock", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_lock"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


check_lock = _load()


def without(lock_text: str, name: str) -> str:
    """The lock with one package's entry (its pin and hash lines) removed."""
    kept, skipping = [], False
    for line in lock_text.splitlines():
        if not line.startswith((" ", "#")):
            skipping = line.lower().startswith(f"{name}==")
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n"


@pytest.fixture(scope="module")
def installed():
    return check_lock.installed_distributions()


@pytest.fixture(scope="module")
def roots():
    return check_lock.project_requirements((ROOT / "pyproject.toml").read_text())


def problems(lock_text, installed, roots):
    pins = check_lock.read_pins(lock_text)
    environment = dict(check_lock.default_environment())
    return check_lock.closure_problems(roots, pins, installed, environment)


def test_the_committed_lock_is_closed_and_is_what_is_installed(installed, roots):
    lock_text = LOCK.read_text()
    assert problems(lock_text, installed, roots) == []
    pins = check_lock.read_pins(lock_text)
    assert check_lock.installed_problems(pins, installed) == []


def test_a_lock_without_a_package_an_extra_brings_fails(installed, roots):
    """WeasyPrint wants fonttools[woff], and the woff extra wants brotli."""
    broken = without(LOCK.read_text(), "brotli")
    assert "brotli==" not in broken
    found = problems(broken, installed, roots)
    assert len(found) == 1
    assert found[0].startswith("brotli")
    assert "wanted by fonttools[woff]==" in found[0]
    assert "is not in the lock" in found[0]


def test_a_lock_without_a_direct_dependency_fails(installed, roots):
    found = problems(without(LOCK.read_text(), "django-htmx"), installed, roots)
    assert found == ["django-htmx>=1.23 (wanted by pyproject.toml) is not in the lock"]


def test_a_pin_the_requirement_does_not_accept_fails(installed, roots):
    older = LOCK.read_text().replace("\nfonttools==4.68.0 ", "\nfonttools==4.50.0 ")
    found = problems(older, installed, roots)
    assert any(
        "fonttools" in problem
        and "does not accept the locked fonttools==4.50.0" in problem
        for problem in found
    )


def test_extras_are_followed_only_where_asked_for():
    Distribution = check_lock.Distribution
    installed = {
        "a": Distribution("a", "1.0", ('b>=2; extra == "fast"', "c")),
        "c": Distribution("c", "1.0", ()),
    }
    pins = {"a": "1.0", "c": "1.0"}
    environment = dict(check_lock.default_environment())
    plain = check_lock.closure_problems(["a"], pins, installed, environment)
    with_extra = check_lock.closure_problems(["a[fast]"], pins, installed, environment)
    assert plain == []
    assert with_extra == ["b>=2 (wanted by a[fast]==1.0) is not in the lock"]


def test_a_requirement_for_another_platform_is_not_required():
    Distribution = check_lock.Distribution
    installed = {"a": Distribution("a", "1.0", ('pywin32; sys_platform == "win32"',))}
    environment = {**check_lock.default_environment(), "sys_platform": "linux"}
    assert (
        check_lock.closure_problems(["a"], {"a": "1.0"}, installed, environment) == []
    )


def test_installed_but_unlocked_and_locked_but_missing_are_both_named(installed):
    pins = check_lock.read_pins(without(LOCK.read_text(), "sqlparse"))
    pins["not-a-real-package"] = "1.0"
    found = check_lock.installed_problems(pins, installed)
    assert "not-a-real-package==1.0 is locked but not installed" in found
    assert any(problem.startswith("sqlparse==") for problem in found)
    assert any("is installed but not locked" in problem for problem in found)


def test_the_command_fails_on_a_lock_with_one_package_missing(tmp_path):
    broken = tmp_path / "requirements.lock"
    broken.write_text(without(LOCK.read_text(), "brotli"))
    run = subprocess.run(  # noqa: S603 (our own script, our own arguments)
        [sys.executable, str(SCRIPT), "--lock", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "brotli" in run.stderr
    assert "run 'make lock'" in run.stderr
