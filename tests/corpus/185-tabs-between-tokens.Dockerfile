FROM		alpine:3.19	AS	base
COPY	--chown=1:1	a	b	/dst/
LABEL	k1=v1		k2="v 2"
ARG	A=1	B
USER	1000
HEALTHCHECK	--interval=5s	CMD	true
