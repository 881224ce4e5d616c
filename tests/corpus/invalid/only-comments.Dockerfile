# A file with comments but no instructions is rejected.

# syntax=docker/dockerfile:1
