FROM alpine:3.19
RUN printf 'a\tb\n' > /x && echo a\ b
RUN echo "ends with two backslashes \\
RUN echo the line above ends with an escaped backslash, so this is a new instruction
RUN echo "three backslashes are also not a continuation" \\\
RUN echo separate again
