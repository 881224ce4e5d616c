FROM node:20 AS assets
WORKDIR /assets
COPY web/ .
RUN npm ci && npm run build

FROM python:3.11 AS app
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY --from=assets /assets/dist ./static
COPY . .
CMD ["python", "-m", "app"]
