# syntax=docker/dockerfile:1
FROM node:20 AS js
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

FROM python:3.12 AS py
RUN --mount=type=cache,target=/root/.cache/pip pip install numpy pandas

FROM golang:1.22 AS go
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go install golang.org/x/tools/gopls@latest

FROM rust:1.77 AS rs
RUN --mount=type=cache,target=/usr/local/cargo/registry,id=cargo-registry \
    --mount=type=cache,target=/usr/local/cargo/git,id=cargo-git \
    cargo install ripgrep
