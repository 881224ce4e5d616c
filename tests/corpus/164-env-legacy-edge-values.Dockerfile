FROM alpine:3.19
ENV URL http://example.com/?a=b&c=d
ENV EQUALS_LATER value=with=equals
ENV SPACES_INSIDE   several   spaced   words
ENV DOUBLE_EQ==leading-equals
ENV "QUOTED_KEY"=quoted-key-value
ENV OPEN_QUOTE="never closed
ENV TRAILING_BACKSLASH=value\\
RUN env
