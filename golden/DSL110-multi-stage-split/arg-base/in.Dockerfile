ARG PY=3.11
FROM python:${PY}
WORKDIR /app
COPY . .
RUN pip install .
CMD ["python", "-m", "tool"]
