"""Use two small pure-Python packages installed from PyPI."""
import idna
import six

host = "bücher.example"
print("idna:", idna.encode(host).decode("ascii"))
print("six:", six.ensure_str(b"ok"), "py3" if six.PY3 else "py2")
