FROM python:3.12-slim-bookworm
LABEL org.opencontainers.image.title="ansible-controller"
RUN apt-get update && apt-get install -y --no-install-recommends sshpass openssh-client rsync \
    && rm -rf /var/lib/apt/lists/*
RUN pip install ansible==9.5.1 ansible-lint jmespath netaddr
RUN mkdir -p /etc/ansible /ansible/playbooks
COPY ansible.cfg /etc/ansible/ansible.cfg
COPY playbooks/ /ansible/playbooks/
WORKDIR /ansible
ENV ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_FORCE_COLOR=1
ENTRYPOINT ["ansible-playbook"]
CMD ["--version"]
