# dslim-rewrite ignore=DSL100
FROM python:3.11
CMD ["python", "-c", "print(1)"]
