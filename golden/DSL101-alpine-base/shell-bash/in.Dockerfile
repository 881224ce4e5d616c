FROM python:3.11
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo hi | cat
CMD ["python"]
