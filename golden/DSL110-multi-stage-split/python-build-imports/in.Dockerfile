FROM python:3.11
WORKDIR /app
RUN pip install --no-cache-dir cython numpy
COPY . .
# setup.py imports Cython and numpy, which the previous step installed
RUN python setup.py build_ext --inplace
CMD ["python", "-m", "fastmath"]
