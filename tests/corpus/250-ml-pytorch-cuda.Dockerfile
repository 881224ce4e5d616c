ARG CUDA=12.1.1
FROM nvidia/cuda:${CUDA}-cudnn8-devel-ubuntu22.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y python3 python3-pip python3-dev git wget
RUN pip3 install torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu121
RUN pip3 install transformers datasets accelerate sentencepiece
RUN pip3 install jupyter tensorboard
WORKDIR /workspace
COPY train.py config.yaml ./
ENV CUDA_VISIBLE_DEVICES=0 TOKENIZERS_PARALLELISM=false
CMD ["python3", "train.py", "--config", "config.yaml"]
