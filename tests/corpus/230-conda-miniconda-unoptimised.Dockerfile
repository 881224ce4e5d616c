FROM ubuntu:22.04
RUN apt-get update && apt-get install -y wget bzip2
RUN wget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh -O /tmp/miniconda.sh
RUN bash /tmp/miniconda.sh -b -p /opt/conda
ENV PATH /opt/conda/bin:$PATH
RUN conda update -n base -c defaults conda
RUN conda create -n geo python=3.11
RUN conda install -n geo -c conda-forge gdal geopandas rasterio
RUN echo "source activate geo" > ~/.bashrc
ENV PATH /opt/conda/envs/geo/bin:$PATH
COPY pipeline/ /pipeline/
CMD ["python", "/pipeline/run.py"]
