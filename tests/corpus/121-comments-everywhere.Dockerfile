# Top-of-file comment that is not a directive because it has no key=value form.
#
#   Indented text inside a comment block.
#

# Base image
FROM alpine:3.19
# Install packages
RUN apk add --no-cache bash # this hash is part of the shell command, not a comment

#no space after the hash
ENV A=1
    # indented comment line
	# tab-indented comment line
CMD ["bash"]
# trailing comment at the end of the file
