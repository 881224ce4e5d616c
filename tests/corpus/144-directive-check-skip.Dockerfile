# check=skip=JSONArgsRecommended,StageNameCasing
FROM alpine:3.19 AS Builder
CMD echo shell form without complaints
