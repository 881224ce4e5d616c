"""Running a command so that file modes apply to it, even as root.

Root reads a mode-000 file through the capabilities CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH. A child started by ``setpriv`` with both removed from
its bounding set has neither after exec, so "permission denied" can be tested
on a root-only machine too.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile


@functools.lru_cache(maxsize=1)
def mode_respecting_prefix() -> tuple[str, ...] | None:
    """A command prefix under which a mode-000 file cannot be read, or None."""
    if os.geteuid() != 0:
        return ()
    exe = shutil.which("setpriv")
    if not exe:
        return None
    prefix = (exe, "--bounding-set", "-dac_override,-dac_read_search")
    with tempfile.TemporaryDirectory() as d:
        probe = os.path.join(d, "probe")
        with open(probe, "w") as f:
            f.write("x")
        os.chmod(probe, 0)
        r = subprocess.run([*prefix, sys.executable, "-c", f"open({probe!r}).read()"], capture_output=True)
        os.chmod(probe, 0o600)
    return prefix if r.returncode != 0 and b"PermissionError" in r.stderr else None
