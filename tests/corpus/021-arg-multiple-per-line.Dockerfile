ARG REGISTRY=docker.io IMAGE=library/alpine TAG
FROM ${REGISTRY}/${IMAGE}:${TAG:-latest}
ARG USER=app UID=1000 GID=1000
ARG A B C
ARG QUOTED="value with spaces" SINGLE='x'
RUN echo "$USER $UID $GID $A $B $C $QUOTED $SINGLE"
