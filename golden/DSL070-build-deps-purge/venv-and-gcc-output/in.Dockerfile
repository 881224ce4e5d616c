FROM debian:bookworm-slim
WORKDIR /app
COPY . .
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-venv python3-dev gcc libc6-dev \
    && python3 -m venv /opt/venv \
    && /opt/venv/bin/pip install -r requirements.txt \
    && gcc -O2 -o /usr/local/bin/helper helper.c \
    && rm -rf /var/lib/apt/lists/*
ENV PATH=/opt/venv/bin:$PATH
CMD ["python", "main.py"]
