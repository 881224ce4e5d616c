From alpine:3.19 As Builder
Run apk add --no-cache make
CoPy Makefile /src/
WorkDir /src
rUN make all
Env Mode=release
Label Owner=team-a
Healthcheck --interval=1m Cmd true
Entrypoint ["/bin/sh"]
OnBuild Run echo triggered
StopSignal SIGINT
Shell ["/bin/ash", "-c"]
Volume /cache
Expose 9000
Maintainer nobody
Add notes.txt /notes.txt
User root
Arg LATE=1
Cmd ["-c", "ls"]
