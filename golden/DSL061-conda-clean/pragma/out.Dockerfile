FROM continuumio/miniconda3
# dslim-rewrite ignore=DSL061
RUN conda install -y numpy
RUN conda install -y scipy && conda clean -afy
