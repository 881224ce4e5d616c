FROM python:3.12
RUN pip install --no-cache-dir \
# pinned
        numpy==2.0.0 \
        pandas
