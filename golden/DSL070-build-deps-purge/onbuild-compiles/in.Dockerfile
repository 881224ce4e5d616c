FROM python:3.12-slim
ONBUILD RUN pip install -r /app/requirements.txt
RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install psutil
