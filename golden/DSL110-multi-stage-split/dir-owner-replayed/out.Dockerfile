FROM python:3.11 AS build
WORKDIR /app
RUN useradd --uid 1000 app && chown app:app /app
COPY --chown=app:app . .
RUN python3 -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt

FROM python:3.11-slim
WORKDIR /app
RUN useradd --uid 1000 app && chown app:app /app
ENV PATH="/opt/venv/bin:$PATH"
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
USER app
CMD ["python", "main.py"]
