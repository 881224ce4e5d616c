FROM ubuntu:20.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y \
    python3 \
    python3-pip \
    python3-dev \
    libmysqlclient-dev \
    nginx \
    supervisor
RUN pip3 install django==4.2 mysqlclient uwsgi
COPY nginx.conf /etc/nginx/sites-available/default
COPY supervisord.conf /etc/supervisor/conf.d/
COPY . /srv/django
RUN cd /srv/django
RUN python3 manage.py migrate
EXPOSE 80
CMD ["/usr/bin/supervisord", "-n"]
