"""Prove that this environment is the lock, the whole lock and nothing but.

The install (`make`'s `.venv/.installed`) runs pip with ``--no-deps``, so pip
never resolves anything itself. That is only safe while the lock is complete.
This check, run by ``make test`` with the environment's own Python, fails when:

- a requirement of the project (``pyproject.toml``, the dev extra included) or
  of any locked package, for this Python and platform and with every extra
  that some requirement asks for, is not pinned in the lock, or is pinned at a
  version the requirement does not accept (the day a new fonttools came out,
  WeasyPrint's ``fonttools[woff]`` was exactly such a requirement);
- a locked package is not installed at its pinned version, or something is
  installed that the lock does not pin (pip and setuptools, which ``venv``
  brings, excepted);
- a top-level module of a locked package does not import.

Usage: ``python scripts/check_lock.py [--lock requirements.lock]``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import os
import re
import sys
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
# Brought by `python -m venv`, not by the lock.
VENV_OWN = frozenset({"pip", "setuptools"})
# Top-level names in a distribution's RECORD that are not modules to import:
# type stubs, test helpers shipped by mistake, and plugins of other tools.
NOT_IMPORTABLE = re.compile(r"(-stubs$|^_|^tests?$|^__pycache__$|-)")
# Modules that cannot be imported on their own, with the reason.
IMPORT_EXCEPTIONS = {
    # A mypy plugin that reads its configuration at import time.
    "mypy_django_plugin": "needs mypy's configuration",
    # duckdb's optional ADBC driver, for adbc-driver-manager, which we do not use.
    "adbc_driver_duckdb": "needs adbc-driver-manager",
}
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.MULTILINE)


@dataclass(frozen=True)
class Distribution:
    name: str  # canonical
    version: str
    requires: tuple[str, ...]


def read_pins(lock_text: str) -> dict[str, str]:
    """The lock's ``name==version`` lines, by canonical name."""
    return {
        canonicalize_name(name): version for name, version in _PIN.findall(lock_text)
    }


def project_requirements(pyproject_text: str) -> list[str]:
    """What the project asks for: its dependencies and every optional extra."""
    project = tomllib.loads(pyproject_text)["project"]
    requirements = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    return requirements


def closure_problems(
    roots: Iterable[str],
    pins: Mapping[str, str],
    distributions: Mapping[str, Distribution],
    environment: Mapping[str, str],
) -> list[str]:
    """Every requirement reachable from ``roots`` that the lock does not meet.

    Walks requirements with their extras: ``fonttools[woff]`` brings in what
    fonttools requires under ``extra == "woff"`` as well as its plain ones.
    """
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    pending = [(Requirement(text), "pyproject.toml") for text in roots]
    while pending:
        requirement, wanted_by = pending.pop()
        name = canonicalize_name(requirement.name)
        pinned = pins.get(name)
        if pinned is None:
            problems.append(
                f"{_short(requirement)} (wanted by {wanted_by}) is not in the lock"
            )
            continue
        if not requirement.specifier.contains(pinned, prereleases=True):
            problems.append(
                f"{_short(requirement)} (wanted by {wanted_by}) does not accept the "
                f"locked {name}=={pinned}"
            )
        distribution = distributions.get(name)
        if distribution is None:
            continue  # reported by installed_problems
        for extra in ("", *sorted(requirement.extras)):
            if (name, extra) in seen:
                continue
            seen.add((name, extra))
            wanter = f"{name}[{extra}]=={pinned}" if extra else f"{name}=={pinned}"
            pending.extend(
                (Requirement(text), wanter)
                for text in distribution.requires
                if _applies(Requirement(text), environment, extra)
            )
    return sorted(set(problems))


def _short(requirement: Requirement) -> str:
    """The requirement without its marker: ``fonttools[woff]>=4.59.2``."""
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}{requirement.specifier}"


def _applies(
    requirement: Requirement, environment: Mapping[str, str], extra: str
) -> bool:
    if requirement.marker is None:
        return extra == ""
    return requirement.marker.evaluate({**environment, "extra": extra})


def installed_problems(
    pins: Mapping[str, str], distributions: Mapping[str, Distribution]
) -> list[str]:
    """Differences between what is installed and what the lock pins."""
    problems = []
    for name, version in sorted(pins.items()):
        installed = distributions.get(name)
        if installed is None:
            problems.append(f"{name}=={version} is locked but not installed")
        elif installed.version != version:
            problems.append(
                f"{name} is installed at {installed.version}, the lock says {version}"
            )
    for name in sorted(set(distributions) - set(pins) - VENV_OWN):
        problems.append(
            f"{name}=={distributions[name].version} is installed but not locked"
        )
    return problems


def installed_distributions() -> dict[str, Distribution]:
    found = {}
    for distribution in importlib.metadata.distributions():
        name = canonicalize_name(distribution.metadata["Name"])
        found[name] = Distribution(
            name, distribution.version, tuple(distribution.requires or ())
        )
    return found


def top_level_modules(names: Iterable[str]) -> list[str]:
    """The importable top-level modules of the named installed distributions
    (for a namespace package such as ``google``, its subpackages), read from
    their RECORD files."""
    modules: set[str] = set()
    for name in names:
        paths = {
            file.parts for file in importlib.metadata.distribution(name).files or []
        }
        packages = {parts[0] for parts in paths if parts[1:] == ("__init__.py",)}
        for parts in paths:
            if len(parts) == 1 and parts[0].endswith((".py", ".so")):
                modules.add(parts[0].split(".")[0])
            elif len(parts) == 2 and parts[0] in packages:
                modules.add(parts[0])
            elif parts[2:] == ("__init__.py",) and parts[0] not in packages:
                modules.add(f"{parts[0]}.{parts[1]}")
    return sorted(
        module
        for module in modules
        if module.split(".")[0].isidentifier()
        and not NOT_IMPORTABLE.search(module.split(".")[0])
        and module not in IMPORT_EXCEPTIONS
    )


def import_problems(modules: Iterable[str]) -> list[str]:
    problems = []
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception as error:  # any failure is the finding
            problems.append(f"import {module} fails: {type(error).__name__}: {error}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lock")
    arguments = parser.parse_args(argv)
    pins = read_pins(arguments.lock.read_text())
    distributions = installed_distributions()
    roots = project_requirements((ROOT / "pyproject.toml").read_text())
    environment = dict(default_environment())
    problems = closure_problems(roots, pins, distributions, environment)
    problems += installed_problems(pins, distributions)
    if not problems:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aandacht.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        problems += import_problems(top_level_modules(pins))
    for problem in problems:
        print(f"check_lock: {problem}", file=sys.stderr)
    if problems:
        print("The lock and this environment differ: run 'make lock'.", file=sys.stderr)
        return 1
    print(f"The environment is exactly the lock: {len(pins)} packages, closed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
