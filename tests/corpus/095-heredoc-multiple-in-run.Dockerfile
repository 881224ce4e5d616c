# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<FILE1 cat > /etc/one.conf && <<FILE2 cat > /etc/two.conf
key = one
FILE1
key = two
FILE2
RUN cat <<A - <<'B' | sort > /sorted.txt
zebra
apple
A
mango
$literal
B
