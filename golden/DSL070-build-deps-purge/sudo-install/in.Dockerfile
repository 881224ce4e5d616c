FROM python:3.12-slim
RUN sudo apt-get install -y gcc && pip install psutil
