FROM python:3.12-slim
RUN if [ -f requirements.txt ]; then pip install -r requirements.txt; fi
RUN sudo pip install awscli
RUN (cd /src && pip install .)
RUN pip install requests; echo done
RUN pip wheel -w /wheels .
