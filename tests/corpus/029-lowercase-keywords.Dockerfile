from alpine:3.19 as build
arg version=1.0
env app_version=$version
workdir /src
copy . .
run echo building $app_version > /out.txt
label stage=build

from alpine:3.19
copy --from=build /out.txt /out.txt
expose 8080
user nobody
cmd ["cat", "/out.txt"]
