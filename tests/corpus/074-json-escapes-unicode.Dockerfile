FROM alpine:3.19
CMD ["printf", "tab:\t newline:\n quote:\" backslash:\\ slash:\/"]
ENTRYPOINT ["echo", "\u00e9t\u00e9", "\u2603", "\ud83d\ude80"]
RUN ["sh", "-c", "echo \"nested \\\"quotes\\\"\""]
