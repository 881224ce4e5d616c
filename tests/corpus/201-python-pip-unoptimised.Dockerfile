FROM python:3.9

RUN apt-get update
RUN apt-get install -y libpq-dev gcc
RUN apt-get install -y git

RUN mkdir /srv/inventory
WORKDIR /srv/inventory

ADD requirements/base.txt /srv/inventory/requirements.txt
RUN pip install --upgrade pip
RUN pip install -r requirements.txt
RUN pip install gunicorn psycopg2

ADD . /srv/inventory/

RUN python manage.py collectstatic --noinput

EXPOSE 8000
CMD gunicorn inventory.wsgi --workers 3 --bind 0.0.0.0:8000 --access-logfile -
