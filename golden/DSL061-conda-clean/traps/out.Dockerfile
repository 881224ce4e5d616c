FROM continuumio/miniconda3
RUN if [ -f environment.yml ]; then conda env create -f environment.yml; fi
RUN conda install -y numpy || true
RUN sudo conda install -y scipy
RUN `which conda` install -y pandas

FROM continuumio/miniconda3
RUN conda install -y numpy
RUN conda install -y --offline numpy && conda clean -afy
