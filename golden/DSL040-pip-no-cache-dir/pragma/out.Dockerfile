FROM python:3.12-slim
# dslim-rewrite ignore=DSL040
RUN pip install requests
RUN pip install --no-cache-dir flask
