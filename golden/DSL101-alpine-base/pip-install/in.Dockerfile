FROM python:3.11
RUN pip install requests
CMD ["python", "-c", "import requests"]
