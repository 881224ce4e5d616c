ARG A
ARG B=
ARG C=""
ARG D="quoted value"
ARG E='single'
ARG F=${A:-fallback}
ARG G=1 H=2 I J=4
FROM alpine:3.19
ARG A B C D E F G H I J
RUN echo "[$A][$B][$C][$D][$E][$F][$G][$H][$I][$J]"
