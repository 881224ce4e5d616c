FROM python:3.12-slim
# dslim-rewrite ignore=DSL070
RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install psutil && rm -rf /var/lib/apt/lists/*
