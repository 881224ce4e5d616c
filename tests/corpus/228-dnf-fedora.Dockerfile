FROM fedora:40
RUN dnf -y update && \
    dnf -y install gcc-c++ cmake ninja-build git boost-devel && \
    dnf clean all
RUN dnf install -y --setopt=install_weak_deps=False python3-devel
WORKDIR /src
COPY . .
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build
CMD ["./build/simulator"]
