# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN <<EOF python3
import json, sys
config = {"workers": 4, "debug": False}
with open("/etc/app.json", "w") as fh:
    json.dump(config, fh, indent=2)
print("wrote config for", sys.version.split()[0])
EOF
RUN <<EOF
#!/usr/bin/env python3
print("a shebang line selects the interpreter")
EOF
