FROM python:3.11
COPY setup.sh .
RUN ./setup.sh
CMD ["python", "app.py"]
