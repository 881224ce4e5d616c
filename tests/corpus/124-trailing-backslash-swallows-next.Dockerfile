FROM alpine:3.19
# The continuation on the next line is followed by an empty line, so the
# following RUN instruction becomes part of this one.
RUN ls \

RUN echo this text is an argument of the previous RUN
RUN echo separate instruction
