FROM python:3.12-slim
RUN pip install requests
RUN pip3 install -r requirements.txt && pip3.12 install --upgrade setuptools
RUN python -m pip install flask && python3 -m pip install gunicorn
RUN python3.12 -m pip install --user httpie
RUN /usr/local/bin/pip --disable-pip-version-check install uvicorn
RUN pip --timeout 60 install black
RUN pip install --no-cache-dir -U pip && pip install -r requirements.txt
