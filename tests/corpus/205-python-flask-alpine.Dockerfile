FROM python:3.10-alpine
RUN apk update
RUN apk add gcc musl-dev libffi-dev
WORKDIR /opt/shortener
COPY requirements.txt .
RUN pip install -r requirements.txt
EXPOSE 5050
COPY shortener/ shortener/
ENV SHORTENER_DB=/data/links.sqlite
ENV SHORTENER_PORT=5050
RUN mkdir /data
CMD python -m shortener --port $SHORTENER_PORT
