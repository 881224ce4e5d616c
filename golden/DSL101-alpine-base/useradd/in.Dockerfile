FROM node:20
RUN useradd -m app
USER app
CMD ["node"]
