FROM python:3.12-slim
RUN if [ -f requirements.txt ]; then pip install --no-cache-dir -r requirements.txt; fi
RUN sudo pip install --no-cache-dir awscli
RUN (cd /src && pip install --no-cache-dir .)
RUN pip install --no-cache-dir requests; echo done
RUN pip wheel -w /wheels .
