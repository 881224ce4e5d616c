FROM continuumio/miniconda3
RUN conda install -y \
# numerics
        numpy && \
    conda clean -afy
