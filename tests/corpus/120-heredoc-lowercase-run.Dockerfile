# syntax=docker/dockerfile:1
from alpine:3.19
run <<eof
echo lowercase keyword and lowercase delimiter
eof
copy <<Config /etc/c.txt
body
Config
