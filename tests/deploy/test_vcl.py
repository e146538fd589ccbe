"""The Varnish configuration (deploy/varnish/newsroom.vcl) on its own.

Each deploy/varnish/tests/*.vtc case runs under varnishtest, with a mock
backend in place of the app. Skipped where varnishtest is missing, unless
REQUIRE_VARNISH=1 (CI) makes that a failure. No database is needed.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

VARNISH = Path(__file__).resolve().parents[2] / "deploy" / "varnish"
CASES = sorted((VARNISH / "tests").glob("*.vtc"))


def varnishtest() -> str:
    found = shutil.which("varnishtest")
    if found is None:
        message = "varnishtest not found on PATH (apt-get install varnish varnish-modules)"
        if os.environ.get("REQUIRE_VARNISH") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_there_are_cases_to_run():
    assert CASES, f"no .vtc files in {VARNISH / 'tests'}"


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_vcl_case(case):
    program = varnishtest()
    # varnishtest starts varnishd by name: /usr/sbin is not on every PATH.
    path = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin"])
    # The cases include the VCL as "${testdir}/../newsroom.vcl": no macro needed.
    # Not -q: that drops the log of a failing case (which is all that is
    # printed without it; a passing case prints one line).
    result = subprocess.run(
        [program, "-t", "60", str(case)],
        capture_output=True,
        text=True,
        env=os.environ | {"PATH": path},
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, (
        f"varnishtest {case.name} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )
