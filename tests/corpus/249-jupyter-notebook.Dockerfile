FROM jupyter/scipy-notebook:2023-10-20
USER root
RUN apt-get update && \
    apt-get install -y --no-install-recommends ffmpeg graphviz && \
    apt-get clean && rm -rf /var/lib/apt/lists/*
USER ${NB_UID}
RUN pip install --quiet --no-cache-dir \
        'altair>=5' \
        'plotly' \
        'graphviz' && \
    chown -R "${NB_UID}" "${CONDA_DIR}" && \
    fix-permissions "/home/${NB_USER}"
COPY --chown=${NB_UID}:${NB_GID} notebooks/ /home/${NB_USER}/work/
