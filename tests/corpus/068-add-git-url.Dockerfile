# syntax=docker/dockerfile:1
FROM alpine:3.19
ADD https://github.com/moby/buildkit.git#v0.13.0 /buildkit
ADD git@github.com:example/secret.git#main:subdir /secret
ADD --keep-git-dir=true "https://gitlab.example.com/group/project.git#refs/tags/v1" /project
