FROM alpine:3.18
ENV A=1 B="two" C='three' D=four\ five E="six \"seven\""
ENV PROMPT="\$ " TRAIL=end\\
ENV MULTI="line one \
line two"
ENV X "legacy with quotes" and more
RUN env | sort
