FROM python:3.12-slim
WORKDIR /app
COPY server.py .
CMD python server.py --port 8080 --host 0.0.0.0
