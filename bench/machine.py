"""One line describing the machine a benchmark ran on, for docs/benchmarks.md."""

from __future__ import annotations

import os
import platform


def _proc_field(path: str, name: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                key, _, value = line.partition(":")
                if key.strip() == name:
                    return value.strip()
    except OSError:
        return None
    return None


def machine() -> str:
    cpu = _proc_field("/proc/cpuinfo", "model name") or platform.processor()
    memory = _proc_field("/proc/meminfo", "MemTotal")
    parts = [cpu or "unknown CPU", f"{os.cpu_count()} cores"]
    if memory is not None:
        parts.append(f"{int(memory.split()[0]) / 1024 / 1024:.0f} GiB RAM")
    parts.append(f"{platform.system()} {platform.release()}")
    parts.append(f"Python {platform.python_version()}")
    return ", ".join(parts)
