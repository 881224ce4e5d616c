FROM python:3.11
WORKDIR /app
RUN curl -fsSLo /usr/local/bin/tool https://example.invalid/tool && chmod +x /usr/local/bin/tool
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["tool"]
