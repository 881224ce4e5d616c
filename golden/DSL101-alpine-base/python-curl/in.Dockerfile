FROM python:3.11
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*
COPY app.py /app/app.py
HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
CMD ["python", "/app/app.py"]
