# syntax=docker/dockerfile:1
FROM continuumio/miniconda3
RUN conda install -y numpy && conda clean -afy
RUN conda install -y scipy && conda clean --all --yes
RUN conda install -y pandas && rm -rf /opt/conda/pkgs
RUN --mount=type=cache,target=/opt/conda/pkgs conda install -y xarray
RUN CONDA_PKGS_DIRS=/tmp/pkgs conda install -y dask
RUN conda list
RUN conda run -n base python -V

FROM continuumio/miniconda3
RUN conda config --set always_softlink true
RUN conda install -y numpy
