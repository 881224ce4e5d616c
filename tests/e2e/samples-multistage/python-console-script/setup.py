# Imports a package the previous build step installed (--no-build-isolation).
from packaging.version import Version
from setuptools import setup

setup(
    name="greet",
    version=str(Version("1.2")),
    py_modules=["greet"],
    entry_points={"console_scripts": ["greet=greet:main"]},
    data_files=[("share/greet", ["greeting.txt"])],
)
