FROM --platform=linux/mips64le python:3.11
CMD ["python"]
