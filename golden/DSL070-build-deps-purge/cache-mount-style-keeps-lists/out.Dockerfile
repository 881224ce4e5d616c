FROM python:3.12-slim
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    savedAptMark="$(apt-mark showmanual)" \
    && apt-get update \
    && apt-get install -y --no-install-recommends gcc libpq-dev \
    && pip install psycopg2 \
    && apt-mark -qq auto '.*' \
    && { [ -z "$savedAptMark" ] || apt-mark -qq manual $savedAptMark; } \
    && { find /usr/local -type f \( -perm /111 -o -name '*.so' -o -name '*.so.*' \) \
               -exec ldd '{}' ';' 2>/dev/null | awk '$(NF-1) ~ /^\// { print $(NF-1) }' || true; \
             find /usr/lib -maxdepth 2 -name 'lib*.so' -lname '*.so.*' -xtype f; } \
           | xargs -r realpath | awk '/^\/(usr\/)?lib(32|64|x32)?\// { sub(/^\/(usr\/)?/, ""); print "/" $0; print "/usr/" $0 }' \
           | sort -u | { xargs -r dpkg-query --search 2>/dev/null || true; } \
           | awk -F': ' '$1 !~ /^diversion by / { n = split($1, p, ", "); for (i = 1; i <= n; i++) print p[i] }' | sort -u \
           | xargs -r apt-mark manual \
    && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false
