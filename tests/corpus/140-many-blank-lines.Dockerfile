


FROM alpine:3.19



RUN echo spaced out


# comment


CMD ["sh"]



