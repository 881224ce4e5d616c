FROM alpine:3.19
RUN echo crlf line
RUN echo lf line
RUN echo continued crlf \
    && echo continued lf \
    && echo end crlf


CMD ["sh"]
