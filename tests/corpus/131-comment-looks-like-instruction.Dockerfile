FROM alpine:3.19
# RUN rm -rf /
# COPY . .
#FROM scratch
# ENV SHOULD_NOT_EXIST=1
RUN echo "only this runs"
# escape=`
RUN echo "the escape comment above is ignored since it is not at the top" \
    && echo "so backslash continuation still works"
