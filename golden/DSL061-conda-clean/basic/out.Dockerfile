FROM continuumio/miniconda3
RUN conda install -y -c conda-forge numpy pandas && conda clean -afy
RUN conda create -y -n geo python=3.11 && conda install -y -n geo gdal && conda clean -afy
RUN conda env create -f environment.yml && conda clean -afy
RUN /opt/conda/bin/conda update -y -n base conda && /opt/conda/bin/conda clean -afy

FROM condaforge/miniforge3
RUN mamba install -y -c conda-forge xarray && mamba clean --all --yes

FROM mambaorg/micromamba:1.5
RUN micromamba install -y -n base -f /tmp/env.yaml && micromamba clean --all --yes
