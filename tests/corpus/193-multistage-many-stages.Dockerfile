# syntax=docker/dockerfile:1
FROM alpine:3.19 AS base
RUN apk add --no-cache ca-certificates

FROM base AS fetch
RUN wget -q -O /tmp/data.csv https://example.com/data.csv || touch /tmp/data.csv

FROM python:3.12-alpine AS transform
COPY --from=fetch /tmp/data.csv /in/data.csv
RUN python -c "import csv; print(sum(1 for _ in csv.reader(open('/in/data.csv'))))" > /in/count

FROM base AS lint
COPY . /src
RUN test -f /src/README.md || echo "no readme"

FROM base AS test
COPY --from=transform /in/count /out/count
RUN cat /out/count

FROM base AS release
COPY --from=transform /in/ /data/
COPY --from=lint /src/README.md /README.md
LABEL stage=release
CMD ["cat", "/data/count"]
