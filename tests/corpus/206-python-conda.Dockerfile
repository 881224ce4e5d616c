FROM continuumio/miniconda3:24.1.2-0
WORKDIR /workspace
COPY environment.yml .
RUN conda env create -f environment.yml
RUN conda install -c conda-forge -y mamba
RUN mamba install -y -c conda-forge numpy scipy matplotlib jupyterlab
RUN conda clean --all -f -y
SHELL ["conda", "run", "-n", "analysis", "/bin/bash", "-c"]
RUN python -c "import numpy; print(numpy.__version__)"
COPY notebooks/ ./notebooks/
EXPOSE 8888
ENTRYPOINT ["conda", "run", "--no-capture-output", "-n", "analysis"]
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--no-browser", "--allow-root"]
