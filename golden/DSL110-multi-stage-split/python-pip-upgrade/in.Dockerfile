FROM python:3.12-bookworm
WORKDIR /code
RUN pip install --no-cache-dir -U pip setuptools
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]
