"""Prints what it sees: a pip-installed package, its user, its environment,
and whether it may write into its own folder."""
import getpass
import os
import sys

from packaging.version import Version

newest = max(["1.10", "1.9", "1.10rc1", "0.99"], key=Version)
try:
    with open("state.txt", "w") as f:
        f.write("ok")
    cwd_writable = True
except OSError:
    cwd_writable = False
print(f"python-pip: newest={newest} user={getpass.getuser()} cwd_writable={cwd_writable} "
      f"mode={os.environ.get('APP_MODE')} cwd={os.getcwd()} py={sys.version_info[0]}.{sys.version_info[1]}")
