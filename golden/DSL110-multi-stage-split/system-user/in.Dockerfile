FROM python:3.11
RUN useradd --system app
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
USER app
CMD ["python", "app.py"]
