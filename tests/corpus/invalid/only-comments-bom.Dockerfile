# syntax=docker/dockerfile:1
# nothing but comments and blank lines

   
