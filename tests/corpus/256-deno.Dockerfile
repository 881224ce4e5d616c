FROM denoland/deno:alpine-1.43.1
WORKDIR /opt/feedreader
COPY import_map.json deno.json ./
COPY src/deps.ts src/
RUN deno cache --import-map=import_map.json src/deps.ts
COPY src/ src/
RUN deno check src/server.ts && deno cache src/server.ts
USER deno
EXPOSE 8787
CMD ["deno", "run", "--allow-net=0.0.0.0:8787", "--allow-read=/opt/feedreader", "src/server.ts"]
