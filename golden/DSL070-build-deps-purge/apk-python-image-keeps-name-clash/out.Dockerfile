FROM python:3.12-alpine
RUN apk add --no-cache --virtual .build-deps git
RUN apk add --virtual .build-deps-2 --no-cache gcc musl-dev libffi-dev postgresql-dev postgresql-client \
    && pip install cffi psycopg2 \
    && runDeps="$({ scanelf --needed --nobanner --format '%n#p' --recursive /usr/local || true; } \
           | tr ',' '\n' | sort -u \
           | awk 'system("[ -e /usr/lib/" $1 " ] || [ -e /lib/" $1 " ]") == 0 { print "so:" $1 }')" \
    && apk add --no-cache --virtual .run-deps postgresql-client $runDeps \
    && apk del --no-network .build-deps-2
