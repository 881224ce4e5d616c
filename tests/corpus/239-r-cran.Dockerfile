FROM rocker/r-ver:4.3.3
RUN apt-get update && apt-get install -y --no-install-recommends \
    libcurl4-openssl-dev libssl-dev libxml2-dev \
    && rm -rf /var/lib/apt/lists/*
RUN R -e "install.packages(c('plumber', 'jsonlite', 'dplyr'), repos='https://cloud.r-project.org')"
RUN Rscript -e 'install.packages("data.table")'
COPY api.R /srv/api.R
EXPOSE 8000
ENTRYPOINT ["R", "-e", "pr <- plumber::plumb('/srv/api.R'); pr$run(host='0.0.0.0', port=8000)"]
