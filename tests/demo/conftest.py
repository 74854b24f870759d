"""The `seed` fixture shared by the demo's tests."""

import pytest


@pytest.fixture
def seed(runner):
    """Run `cocreate seed-demo` with the given options and insist that it succeeds."""

    def _seed(*options):
        result = runner.invoke(args=["seed-demo", *options])
        assert result.exit_code == 0, result.output
        return result.output

    return _seed
