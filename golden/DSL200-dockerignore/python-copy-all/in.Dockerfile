FROM python:3.12-slim
WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir /app
CMD ["python", "-m", "app"]
