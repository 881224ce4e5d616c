FROM python:3.12-slim
COPY . /app
RUN cd /app && git rev-parse HEAD > /version
