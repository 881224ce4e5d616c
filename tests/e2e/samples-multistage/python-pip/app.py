"""Prints what it sees: a pip-installed package, its user, its environment."""
import getpass
import os
import sys

from packaging.version import Version

newest = max(["1.10", "1.9", "1.10rc1", "0.99"], key=Version)
home_writable = os.access(os.path.expanduser("~"), os.W_OK)
print(f"python-pip: newest={newest} user={getpass.getuser()} home_writable={home_writable} "
      f"mode={os.environ.get('APP_MODE')} cwd={os.getcwd()} py={sys.version_info[0]}.{sys.version_info[1]}")
