# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<-EOF
	echo tab-indented
    echo space-indented (spaces are never stripped)
    EOF
	 	echo tab-space-tab
		EOF
RUN echo "the space-indented EOF above did not end the heredoc"
