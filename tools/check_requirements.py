"""Resolve requirements.txt, with pip's own resolver and wheels only, for every platform and Python
version naive_tf supports, and print the result as the table README.md shows.

    python tools/check_requirements.py [REQUIREMENTS]

For each pair it runs `pip install --dry-run --ignore-installed --only-binary=:all: --platform ...
--python-version ... --target ... -r REQUIREMENTS`, which downloads wheel metadata but installs
nothing. One thing pip does not do by itself: it evaluates environment markers (`; sys_platform ==
"darwin"`), in requirements.txt and in every dependency's metadata, against the machine it runs on,
whatever --platform says. So each pip runs in a child process whose marker environment is first set
to the target's, before pip's own entry point runs: the resolving, the wheel tags and the
Requires-Python checks are pip's own, with pip's configuration (index, proxy) as it stands.
Exits with status 1 if any pair fails, printing pip's error for it. With pip 26, which reads only
each wheel's metadata, it takes about three minutes; an older pip may download every wheel whole.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]

# A manylinux wheel names the oldest glibc it runs on, and pip takes only the tags it is given, so each
# one a Linux with glibc 2.27 may use is listed, with its older alias: TensorFlow 2.21's wheels need 2.27.
NEWEST_GLIBC_MINOR = 27
LEGACY_MANYLINUX = {"manylinux2014": 17, "manylinux2010": 12, "manylinux1": 5}


def manylinux_tags(machine: str, oldest_minor: int) -> list[str]:
    tags = [f"manylinux_2_{minor}_{machine}" for minor in range(NEWEST_GLIBC_MINOR, oldest_minor - 1, -1)]
    return tags + [f"{alias}_{machine}" for alias, minor in LEGACY_MANYLINUX.items() if minor >= oldest_minor]


LINUX = {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}
MACOS = {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"}
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}

# name: (wheel platform tags, environment markers of that platform)
PLATFORMS = {
    "Linux x86_64": (manylinux_tags("x86_64", oldest_minor=5), {**LINUX, "platform_machine": "x86_64"}),
    # manylinux for ARM began with manylinux2014 (glibc 2.17).
    "Linux aarch64": (manylinux_tags("aarch64", oldest_minor=17), {**LINUX, "platform_machine": "aarch64"}),
    # pip adds the older macOS versions and universal2 to the tag it is given; TensorFlow needs macOS 12.
    "macOS arm64": (["macosx_12_0_arm64"], {**MACOS, "platform_machine": "arm64"}),
    "Windows amd64": (["win_amd64"], {**WINDOWS, "platform_machine": "AMD64"}),
}

# Run in the child: pip's markers read their environment from default_environment() at each evaluation.
PIP_FOR_TARGET = """
import json, sys
from pip._vendor.packaging import markers
target = json.loads(sys.argv[1])
markers.default_environment = lambda: dict(target)
from pip._internal.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def marker_environment(platform_markers: dict, python: str) -> dict:
    return {**platform_markers, "python_version": python, "python_full_version": f"{python}.0",
            "implementation_name": "cpython", "implementation_version": f"{python}.0",
            "platform_python_implementation": "CPython", "platform_release": "", "platform_version": ""}


def normalized(name: str) -> str:
    """A distribution's name as the package index spells it: tensorflow_cpu is tensorflow-cpu."""
    return re.sub(r"[-_.]+", "-", name).lower()


def resolve(requirements: Path, platform: str, python: str, scratch: Path) -> tuple[bool, str]:
    """Resolve for one pair: (True, the TensorFlow distribution and the number of wheels) or (False, pip's error)."""
    tags, platform_markers = PLATFORMS[platform]
    report = scratch / "report.json"
    command = [sys.executable, "-c", PIP_FOR_TARGET, json.dumps(marker_environment(platform_markers, python)),
               "install", "--dry-run", "--ignore-installed", "--only-binary=:all:", "--quiet", "--report", str(report),
               *(f"--platform={tag}" for tag in tags), "--python-version", python, "--target", str(scratch / "target"),
               "-r", str(requirements)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # a failure is a result here
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
        return False, "\n".join(errors) or result.stderr.strip()
    wheels = {normalized(item["metadata"]["name"]): item["metadata"]["version"]
              for item in json.loads(report.read_text())["install"]}
    tensorflow = next((name for name in ("tensorflow-cpu", "tensorflow") if name in wheels), None)
    if tensorflow is None:
        return False, "neither tensorflow nor tensorflow-cpu would be installed"
    return True, f"{tensorflow} {wheels[tensorflow]}, {len(wheels)} wheels"


def main(requirements: Path) -> int:
    print(f"| platform | {' | '.join(f'Python {python}' for python in PYTHONS)} |")
    print(f"|---|{'---|' * len(PYTHONS)}")
    failures = []
    for platform in PLATFORMS:
        cells = []
        for python in PYTHONS:
            with tempfile.TemporaryDirectory() as scratch:
                resolved, detail = resolve(requirements, platform, python, Path(scratch))
            cells.append(f"ok: {detail}" if resolved else "FAILS")
            if not resolved:
                failures.append(f"{platform}, Python {python}:\n{detail}")
        print(f"| {platform} | {' | '.join(cells)} |", flush=True)
    for failure in failures:
        print(f"\n{failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "requirements.txt")))
