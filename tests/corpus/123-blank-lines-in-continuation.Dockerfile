FROM ubuntu:22.04
RUN echo one \

    && echo two \


    && echo three
LABEL a=1 \

      b=2
