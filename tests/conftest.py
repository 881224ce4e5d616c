import pytest


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden/*/out.Dockerfile from the current code")
    parser.addoption("--require-docker", action="store_true",
                     help="fail (instead of skip) the e2e tests when no Docker engine is reachable")


@pytest.fixture
def update_golden(request):
    return request.config.getoption("--update-golden")
