# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<-EOF
	echo "leading tabs are stripped by <<- at build time"
	if [ -d /etc ]; then
		echo "nested tab"
	fi
	EOF
COPY <<-EOF /etc/indented.conf
	[main]
		key = value
	EOF
RUN cat <<-'EOS'
	$HOME is literal because the delimiter is quoted
		EOS
