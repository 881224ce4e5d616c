FROM registry.example.com/team/python:3.11
CMD ["python"]
