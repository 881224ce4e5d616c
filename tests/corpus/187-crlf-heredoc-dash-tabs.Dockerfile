# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<-EOF
	echo crlf and tabs together
		echo deeper
	EOF
COPY <<EOF /etc/x.txt
plain body
EOF
