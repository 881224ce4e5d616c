FROM python:3.12-slim
USER app
RUN pip install --user psutil && apt-get install -y gcc
