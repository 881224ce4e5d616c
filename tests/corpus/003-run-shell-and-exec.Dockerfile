FROM busybox:1.36
RUN echo shell form runs through /bin/sh -c
RUN ["echo", "exec form skips the shell"]
RUN ["/bin/sh", "-c", "echo exec form invoking a shell explicitly"]
RUN echo "quoted 'nested' strings" && echo 'single "nested" strings'
