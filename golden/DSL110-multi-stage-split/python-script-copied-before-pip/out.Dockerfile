FROM python:3.11 AS build
WORKDIR /app
COPY entry.sh /usr/local/bin/entry.sh
COPY requirements.txt .
RUN mkdir -p /var/lib/dslim-python && touch /var/lib/dslim-python/marker
RUN pip install --no-cache-dir -r requirements.txt
RUN python3 -c 'import glob, os, subprocess as sp, sysconfig; \
    os.chdir("/"); p = {k: os.path.relpath(v, "/") for k, v in sysconfig.get_paths().items()}; \
    libs = [d for d in dict.fromkeys([p["purelib"], p["platlib"]]) if os.path.isdir(d)]; \
    skip = [w for k in ("purelib", "platlib", "stdlib", "platstdlib") for w in ("-o", "-path", glob.escape(p[k]))][1:]; \
    new = sp.run(["find", p["data"], "(", *skip, ")", "-prune", "-o", "!", "-type", "d", "-newer", "/var/lib/dslim-python/marker", \
                  "-print0"], stdout=sp.PIPE, check=True).stdout.split(b"\0")[:-1]; \
    os.mkdir("/var/lib/dslim-python/runtime"); \
    sp.run(["cp", "-a", "--parents", "-t", "/var/lib/dslim-python/runtime", *libs, *new], check=True) if libs or new else None'

FROM python:3.11-slim
RUN python3 -c 'import os, shutil, sysconfig; \
    [shutil.rmtree(d) for d in {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")} if os.path.isdir(d)]'
WORKDIR /app
COPY --from=build /var/lib/dslim-python/runtime/ /
COPY --from=build /app /app
COPY --from=build /usr/local/bin/entry.sh /usr/local/bin/entry.sh
COPY . .
CMD ["/usr/local/bin/entry.sh"]
