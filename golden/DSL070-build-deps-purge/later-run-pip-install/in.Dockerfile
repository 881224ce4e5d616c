FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc libffi-dev && pip install cffi
COPY requirements.txt .
RUN pip install -r requirements.txt
