FROM python:3.11-slim
RUN apt-get update && apt-get -y install cron supervisor
COPY crontab /etc/cron.d/report-cron
RUN chmod 0644 /etc/cron.d/report-cron && crontab /etc/cron.d/report-cron
RUN touch /var/log/cron.log
COPY supervisord.conf /etc/supervisor/conf.d/supervisord.conf
COPY reporter/ /opt/reporter/
RUN pip install -r /opt/reporter/requirements.txt
CMD ["/usr/bin/supervisord", "-c", "/etc/supervisor/conf.d/supervisord.conf"]
