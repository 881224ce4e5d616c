"""A console script pip wrote, a data file under the prefix, and the pips the
interpreter sees (an upgraded pip must not leave a second copy behind)."""
import importlib.metadata as md
import os
import shutil
import sysconfig


def main():
    with open(os.path.join(sysconfig.get_path("data"), "share", "greet", "greeting.txt")) as f:
        greeting = f.read().strip()
    pips = sorted(d.version for d in md.distributions() if d.metadata["Name"] == "pip")
    print(f"python-console-script: {greeting} greet={md.version('greet')} script={shutil.which('greet')} "
          f"pip={md.version('pip')} pips={pips} path={os.environ['PATH']}")
