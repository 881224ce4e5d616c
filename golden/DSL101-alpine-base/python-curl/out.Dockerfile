FROM python:3.11-alpine
RUN apk add --no-cache curl ca-certificates
COPY app.py /app/app.py
HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
CMD ["python", "/app/app.py"]
