ARG PY=3.11
FROM python:${PY} AS build
WORKDIR /app
COPY . .
RUN python3 -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install .

FROM python:${PY}-slim
WORKDIR /app
ENV PATH="/opt/venv/bin:$PATH"
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
CMD ["python", "-m", "tool"]
