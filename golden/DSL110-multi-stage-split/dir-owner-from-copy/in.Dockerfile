FROM python:3.11
RUN useradd --uid 1000 app
COPY --chown=app . /app
RUN pip install -r /app/requirements.txt
USER app
CMD ["python", "/app/main.py"]
