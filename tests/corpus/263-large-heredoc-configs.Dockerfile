# syntax=docker/dockerfile:1
# Configuration-heavy image: many files are written with heredocs.
FROM nginx:1.27-alpine AS web
RUN rm -f /etc/nginx/conf.d/default.conf
COPY <<EOF /etc/nginx/conf.d/site00.example.test.conf
server {
    listen 80;
    server_name site00.example.test;
    # upstream 0
    location / {
        proxy_pass http://backend00:9000;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site01.example.test.conf
server {
    listen 80;
    server_name site01.example.test;
    # upstream 1
    location / {
        proxy_pass http://backend01:9001;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site02.example.test.conf
server {
    listen 80;
    server_name site02.example.test;
    # upstream 2
    location / {
        proxy_pass http://backend02:9002;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site03.example.test.conf
server {
    listen 80;
    server_name site03.example.test;
    # upstream 3
    location / {
        proxy_pass http://backend03:9003;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site04.example.test.conf
server {
    listen 80;
    server_name site04.example.test;
    # upstream 4
    location / {
        proxy_pass http://backend04:9004;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site05.example.test.conf
server {
    listen 80;
    server_name site05.example.test;
    # upstream 5
    location / {
        proxy_pass http://backend05:9005;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site06.example.test.conf
server {
    listen 80;
    server_name site06.example.test;
    # upstream 6
    location / {
        proxy_pass http://backend06:9006;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site07.example.test.conf
server {
    listen 80;
    server_name site07.example.test;
    # upstream 7
    location / {
        proxy_pass http://backend07:9007;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site08.example.test.conf
server {
    listen 80;
    server_name site08.example.test;
    # upstream 8
    location / {
        proxy_pass http://backend08:9008;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site09.example.test.conf
server {
    listen 80;
    server_name site09.example.test;
    # upstream 9
    location / {
        proxy_pass http://backend09:9009;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site10.example.test.conf
server {
    listen 80;
    server_name site10.example.test;
    # upstream 10
    location / {
        proxy_pass http://backend10:9010;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site11.example.test.conf
server {
    listen 80;
    server_name site11.example.test;
    # upstream 11
    location / {
        proxy_pass http://backend11:9011;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site12.example.test.conf
server {
    listen 80;
    server_name site12.example.test;
    # upstream 12
    location / {
        proxy_pass http://backend12:9012;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site13.example.test.conf
server {
    listen 80;
    server_name site13.example.test;
    # upstream 13
    location / {
        proxy_pass http://backend13:9013;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site14.example.test.conf
server {
    listen 80;
    server_name site14.example.test;
    # upstream 14
    location / {
        proxy_pass http://backend14:9014;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site15.example.test.conf
server {
    listen 80;
    server_name site15.example.test;
    # upstream 15
    location / {
        proxy_pass http://backend15:9015;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site16.example.test.conf
server {
    listen 80;
    server_name site16.example.test;
    # upstream 16
    location / {
        proxy_pass http://backend16:9016;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site17.example.test.conf
server {
    listen 80;
    server_name site17.example.test;
    # upstream 17
    location / {
        proxy_pass http://backend17:9017;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site18.example.test.conf
server {
    listen 80;
    server_name site18.example.test;
    # upstream 18
    location / {
        proxy_pass http://backend18:9018;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site19.example.test.conf
server {
    listen 80;
    server_name site19.example.test;
    # upstream 19
    location / {
        proxy_pass http://backend19:9019;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site20.example.test.conf
server {
    listen 80;
    server_name site20.example.test;
    # upstream 20
    location / {
        proxy_pass http://backend20:9020;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site21.example.test.conf
server {
    listen 80;
    server_name site21.example.test;
    # upstream 21
    location / {
        proxy_pass http://backend21:9021;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site22.example.test.conf
server {
    listen 80;
    server_name site22.example.test;
    # upstream 22
    location / {
        proxy_pass http://backend22:9022;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
COPY <<EOF /etc/nginx/conf.d/site23.example.test.conf
server {
    listen 80;
    server_name site23.example.test;
    # upstream 23
    location / {
        proxy_pass http://backend23:9023;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
EOF
RUN nginx -t

FROM python:3.12-slim AS jobs
WORKDIR /jobs
COPY <<'PY' job_00.py
import os
import sys


def main() -> int:
    # job number 0
    name = os.environ.get("JOB_NAME", "job-00")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_01.py
import os
import sys


def main() -> int:
    # job number 1
    name = os.environ.get("JOB_NAME", "job-01")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_02.py
import os
import sys


def main() -> int:
    # job number 2
    name = os.environ.get("JOB_NAME", "job-02")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_03.py
import os
import sys


def main() -> int:
    # job number 3
    name = os.environ.get("JOB_NAME", "job-03")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_04.py
import os
import sys


def main() -> int:
    # job number 4
    name = os.environ.get("JOB_NAME", "job-04")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_05.py
import os
import sys


def main() -> int:
    # job number 5
    name = os.environ.get("JOB_NAME", "job-05")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_06.py
import os
import sys


def main() -> int:
    # job number 6
    name = os.environ.get("JOB_NAME", "job-06")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_07.py
import os
import sys


def main() -> int:
    # job number 7
    name = os.environ.get("JOB_NAME", "job-07")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_08.py
import os
import sys


def main() -> int:
    # job number 8
    name = os.environ.get("JOB_NAME", "job-08")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_09.py
import os
import sys


def main() -> int:
    # job number 9
    name = os.environ.get("JOB_NAME", "job-09")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_10.py
import os
import sys


def main() -> int:
    # job number 10
    name = os.environ.get("JOB_NAME", "job-10")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_11.py
import os
import sys


def main() -> int:
    # job number 11
    name = os.environ.get("JOB_NAME", "job-11")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_12.py
import os
import sys


def main() -> int:
    # job number 12
    name = os.environ.get("JOB_NAME", "job-12")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_13.py
import os
import sys


def main() -> int:
    # job number 13
    name = os.environ.get("JOB_NAME", "job-13")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_14.py
import os
import sys


def main() -> int:
    # job number 14
    name = os.environ.get("JOB_NAME", "job-14")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
COPY <<'PY' job_15.py
import os
import sys


def main() -> int:
    # job number 15
    name = os.environ.get("JOB_NAME", "job-15")
    print(f"running {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
PY
RUN <<EOF
set -e
for f in /jobs/job_*.py; do
  python "$f"
done
EOF

FROM alpine:3.19 AS cron
RUN <<'CRONTAB' crontab -
0 0 * * * /usr/local/bin/run-job job_00 >> /var/log/jobs.log 2>&1
1 1 * * * /usr/local/bin/run-job job_01 >> /var/log/jobs.log 2>&1
2 2 * * * /usr/local/bin/run-job job_02 >> /var/log/jobs.log 2>&1
3 3 * * * /usr/local/bin/run-job job_03 >> /var/log/jobs.log 2>&1
4 4 * * * /usr/local/bin/run-job job_04 >> /var/log/jobs.log 2>&1
5 5 * * * /usr/local/bin/run-job job_05 >> /var/log/jobs.log 2>&1
6 6 * * * /usr/local/bin/run-job job_06 >> /var/log/jobs.log 2>&1
7 7 * * * /usr/local/bin/run-job job_07 >> /var/log/jobs.log 2>&1
8 8 * * * /usr/local/bin/run-job job_08 >> /var/log/jobs.log 2>&1
9 9 * * * /usr/local/bin/run-job job_09 >> /var/log/jobs.log 2>&1
10 10 * * * /usr/local/bin/run-job job_10 >> /var/log/jobs.log 2>&1
11 11 * * * /usr/local/bin/run-job job_11 >> /var/log/jobs.log 2>&1
12 12 * * * /usr/local/bin/run-job job_12 >> /var/log/jobs.log 2>&1
13 13 * * * /usr/local/bin/run-job job_13 >> /var/log/jobs.log 2>&1
14 14 * * * /usr/local/bin/run-job job_14 >> /var/log/jobs.log 2>&1
15 15 * * * /usr/local/bin/run-job job_15 >> /var/log/jobs.log 2>&1
16 16 * * * /usr/local/bin/run-job job_00 >> /var/log/jobs.log 2>&1
17 17 * * * /usr/local/bin/run-job job_01 >> /var/log/jobs.log 2>&1
18 18 * * * /usr/local/bin/run-job job_02 >> /var/log/jobs.log 2>&1
19 19 * * * /usr/local/bin/run-job job_03 >> /var/log/jobs.log 2>&1
20 20 * * * /usr/local/bin/run-job job_04 >> /var/log/jobs.log 2>&1
21 21 * * * /usr/local/bin/run-job job_05 >> /var/log/jobs.log 2>&1
22 22 * * * /usr/local/bin/run-job job_06 >> /var/log/jobs.log 2>&1
23 23 * * * /usr/local/bin/run-job job_07 >> /var/log/jobs.log 2>&1
24 0 * * * /usr/local/bin/run-job job_08 >> /var/log/jobs.log 2>&1
25 1 * * * /usr/local/bin/run-job job_09 >> /var/log/jobs.log 2>&1
26 2 * * * /usr/local/bin/run-job job_10 >> /var/log/jobs.log 2>&1
27 3 * * * /usr/local/bin/run-job job_11 >> /var/log/jobs.log 2>&1
28 4 * * * /usr/local/bin/run-job job_12 >> /var/log/jobs.log 2>&1
29 5 * * * /usr/local/bin/run-job job_13 >> /var/log/jobs.log 2>&1
30 6 * * * /usr/local/bin/run-job job_14 >> /var/log/jobs.log 2>&1
31 7 * * * /usr/local/bin/run-job job_15 >> /var/log/jobs.log 2>&1
32 8 * * * /usr/local/bin/run-job job_00 >> /var/log/jobs.log 2>&1
33 9 * * * /usr/local/bin/run-job job_01 >> /var/log/jobs.log 2>&1
34 10 * * * /usr/local/bin/run-job job_02 >> /var/log/jobs.log 2>&1
35 11 * * * /usr/local/bin/run-job job_03 >> /var/log/jobs.log 2>&1
36 12 * * * /usr/local/bin/run-job job_04 >> /var/log/jobs.log 2>&1
37 13 * * * /usr/local/bin/run-job job_05 >> /var/log/jobs.log 2>&1
38 14 * * * /usr/local/bin/run-job job_06 >> /var/log/jobs.log 2>&1
39 15 * * * /usr/local/bin/run-job job_07 >> /var/log/jobs.log 2>&1
CRONTAB
CMD ["crond", "-f", "-l", "2"]
