FROM alpine:3.19
RUN echo "#not a comment" && echo '# also not' && echo \# escaped
ENV COLOR=#ff8800 CHANNEL=#general
LABEL note="issue #42"
RUN echo hi # shell comment at the end of the command
CMD ["echo", "# inside json"]
