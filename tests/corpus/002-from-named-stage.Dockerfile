FROM debian:bookworm-slim AS base
RUN echo base > /stage.txt

FROM base as child
RUN cat /stage.txt

FROM child AS Final
CMD ["cat", "/stage.txt"]
