FROM continuumio/miniconda3
RUN conda install -y \
        numpy \
        scipy && \
    python -c "import numpy" && \
    conda clean -afy
RUN conda env create -f environment.yml \
 && conda run -n app python -V \
 && conda clean -afy
