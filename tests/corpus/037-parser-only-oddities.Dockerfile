# This file is accepted by the parser even though a build would reject parts
# of it. It exercises what the parser does with instructions it does not know.
FROM alpine:3.19
ONBUILD ONBUILD RUN echo nested triggers are not allowed at build time
ONBUILD FROM scratch
ONBUILD MAINTAINER nobody
FROBNICATE --level=11 all the things
# CMD does not support heredocs, so the body lines become instructions
CMD <<EOF
echo this-is-an-instruction-named-echo
EOF
RUN echo still parsed after the oddities
