from debian:bookworm
run apt-get update
Run apt-get install -y curl
