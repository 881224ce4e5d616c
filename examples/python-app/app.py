import requests

print("requests", requests.__version__)
