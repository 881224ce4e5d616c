FROM python:3.12-slim
CMD ["gunicorn", \
     "--bind", "0.0.0.0:8000", \
     "--workers", "4", \
     "app.wsgi:application"]
ENTRYPOINT [ \
  "/usr/bin/tini", \
  "--" \
]
