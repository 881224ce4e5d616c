FROM continuumio/miniconda3
RUN conda install -y -c conda-forge numpy pandas
RUN conda create -y -n geo python=3.11 && conda install -y -n geo gdal
RUN conda env create -f environment.yml
RUN /opt/conda/bin/conda update -y -n base conda

FROM condaforge/miniforge3
RUN mamba install -y -c conda-forge xarray

FROM mambaorg/micromamba:1.5
RUN micromamba install -y -n base -f /tmp/env.yaml
