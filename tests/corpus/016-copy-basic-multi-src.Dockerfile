FROM python:3.11
WORKDIR /app
COPY requirements.txt requirements-dev.txt ./
COPY src/ ./src/
COPY setup.cfg pyproject.toml README.md /app/
COPY ["docs/user guide.md", "./docs/"]
COPY . .
