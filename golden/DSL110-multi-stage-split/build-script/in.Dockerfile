FROM gcc:12
WORKDIR /src
COPY . .
RUN ./build.sh
CMD ["./hello"]
