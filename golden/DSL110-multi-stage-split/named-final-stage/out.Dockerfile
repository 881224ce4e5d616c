FROM node:20 AS assets
WORKDIR /assets
COPY web/ .
RUN npm ci && npm run build

FROM python:3.11 AS app-build
WORKDIR /app
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt

FROM python:3.11-slim AS app
WORKDIR /app
ENV PATH="/opt/venv/bin:$PATH"
COPY --from=app-build /opt/venv /opt/venv
COPY --from=app-build /app /app
COPY --from=assets /assets/dist ./static
COPY . .
CMD ["python", "-m", "app"]
