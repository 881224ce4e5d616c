# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --device=name=gpu nvidia-smi
RUN --device=name=gpu nvidia-smi -L
