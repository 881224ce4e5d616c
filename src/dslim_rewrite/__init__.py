"""dslim-rewrite: rewrites Dockerfiles so they build smaller images that behave the same."""

__version__ = "0.1.0"
