FROM debian:bookworm-slim
WORKDIR /src
COPY . .
RUN apt-get update && \
	apt-get install -y --no-install-recommends cmake g++ make libssl-dev && \
	cmake -S . -B build -DCMAKE_INSTALL_PREFIX=/opt/tool && \
	cmake --build build && \
	cmake --install build && \
	rm -rf build /var/lib/apt/lists/*
ENV PATH=/opt/tool/bin:$PATH
CMD ["tool"]
