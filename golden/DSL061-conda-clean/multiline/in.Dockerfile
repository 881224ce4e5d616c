FROM continuumio/miniconda3
RUN conda install -y \
        numpy \
        scipy && \
    python -c "import numpy"
RUN conda env create -f environment.yml \
 && conda run -n app python -V
