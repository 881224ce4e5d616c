FROM python:3.12-slim AS base
    WORKDIR /app
    COPY requirements.txt .
    RUN pip install -r requirements.txt

  FROM base AS test
    COPY . .
    RUN python -m pytest -q

  FROM base AS final
    COPY src/ src/
    CMD ["python", "-m", "src"]
