FROM python:3.12-alpine
RUN apk add --no-cache --virtual .build-deps git
RUN apk add --no-cache gcc musl-dev libffi-dev postgresql-dev postgresql-client \
    && pip install cffi psycopg2
