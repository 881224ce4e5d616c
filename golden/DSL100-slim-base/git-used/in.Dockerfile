FROM python:3.11
RUN git clone --depth 1 https://example.com/repo.git /src
CMD ["python", "/src/main.py"]
