FROM python:3.11
WORKDIR /app
RUN useradd --uid 1000 app && chown app:app /app
COPY --chown=app:app . .
RUN pip install -r requirements.txt
USER app
CMD ["python", "main.py"]
