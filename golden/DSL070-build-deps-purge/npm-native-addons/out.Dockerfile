FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
RUN savedAptMark="$(apt-mark showmanual)" \
    && apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && npm ci --omit=dev \
    && apt-mark -qq auto '.*' \
    && { [ -z "$savedAptMark" ] || apt-mark -qq manual $savedAptMark; } \
    && apt-mark manual python3 \
    && { find /app -type f \( -perm /111 -o -name '*.so' -o -name '*.so.*' \) \
               -exec ldd '{}' ';' 2>/dev/null | awk '$(NF-1) ~ /^\// { print $(NF-1) }' || true; \
             find /usr/lib -maxdepth 2 -name 'lib*.so' -lname '*.so.*' -xtype f; } \
           | xargs -r realpath | awk '/^\/(usr\/)?lib(32|64|x32)?\// { sub(/^\/(usr\/)?/, ""); print "/" $0; print "/usr/" $0 }' \
           | sort -u | { xargs -r dpkg-query --search 2>/dev/null || true; } \
           | awk -F': ' '$1 !~ /^diversion by / { n = split($1, p, ", "); for (i = 1; i <= n; i++) print p[i] }' | sort -u \
           | xargs -r apt-mark manual \
    && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false \
    && rm -rf /var/lib/apt/lists/*
COPY . .
CMD ["node", "server.js"]
