# syntax=docker/dockerfile:1
FROM alpine:3.19
ADD --keep-git-dir=true https://github.com/example/repo.git#main /src/repo
ADD --keep-git-dir https://github.com/example/other.git#v2.0.0 /src/other
ADD --keep-git-dir=false https://github.com/example/third.git /src/third
