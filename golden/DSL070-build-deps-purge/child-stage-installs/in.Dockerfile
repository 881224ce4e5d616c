FROM python:3.12-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install psutil

FROM base AS test
RUN pip install pytest-cov

FROM base
CMD ["python", "-m", "app"]
