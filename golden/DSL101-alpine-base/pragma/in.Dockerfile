# dslim-rewrite ignore=alpine-base
FROM python:3.11
CMD ["python", "-c", "print(1)"]
