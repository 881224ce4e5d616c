FROM python:3.12
CMD ['python', 'app.py']
ENTRYPOINT ['/docker-entrypoint.sh']
RUN ['pip', 'install', 'flask']
