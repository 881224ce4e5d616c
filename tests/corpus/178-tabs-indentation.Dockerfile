FROM debian:bookworm-slim
RUN	apt-get update \
	&& apt-get install -y \
		curl \
		wget \
	&& rm -rf /var/lib/apt/lists/*
	WORKDIR	/opt
ENV	A=1	B=2
ENV	LEGACY	value	with	tabs
EXPOSE	80	443
CMD	["bash"]
