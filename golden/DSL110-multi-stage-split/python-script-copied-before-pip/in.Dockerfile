FROM python:3.11
WORKDIR /app
COPY entry.sh /usr/local/bin/entry.sh
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["/usr/local/bin/entry.sh"]
