FROM python:3.12-slim
RUN pip install --no-cache-dir requests
RUN pip3 install --no-cache-dir -r requirements.txt && pip3.12 install --no-cache-dir --upgrade setuptools
RUN python -m pip install --no-cache-dir flask && python3 -m pip install --no-cache-dir gunicorn
RUN python3.12 -m pip install --no-cache-dir --user httpie
RUN /usr/local/bin/pip --disable-pip-version-check install --no-cache-dir uvicorn
RUN pip --timeout 60 install --no-cache-dir black
RUN pip install --no-cache-dir -U pip && pip install --no-cache-dir -r requirements.txt
