FROM python:3.11@sha256:0000000000000000000000000000000000000000000000000000000000000002 AS build
WORKDIR /app
COPY . .
RUN python3 -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt

FROM python:3.11-slim@sha256:0000000000000000000000000000000000000000000000000000000000000003
WORKDIR /app
ENV PATH="/opt/venv/bin:$PATH"
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
CMD ["python", "main.py"]
