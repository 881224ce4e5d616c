# dslim-rewrite global ignore=DSL200
FROM python:3.12-slim
COPY . /app
