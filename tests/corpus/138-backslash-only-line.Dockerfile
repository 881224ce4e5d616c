FROM alpine:3.19
RUN echo start \
\
    && echo end
RUN echo two \
  \
  \
    && echo more
