FROM python:3.11
RUN apt-get update && apt-get install -y libgl1 && rm -rf /var/lib/apt/lists/*
CMD ["python", "-c", "print(1)"]
