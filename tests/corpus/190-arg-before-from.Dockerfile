ARG UBUNTU_VERSION=22.04
ARG CUDA_VERSION=12.2.0
FROM nvidia/cuda:${CUDA_VERSION}-runtime-ubuntu${UBUNTU_VERSION}
# ARG declared before FROM must be re-declared to be visible inside the stage.
ARG CUDA_VERSION
RUN echo "CUDA ${CUDA_VERSION} on Ubuntu ${UBUNTU_VERSION:-not visible here}"
