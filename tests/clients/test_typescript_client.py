"""The TypeScript client (clients/typescript) runs its flows, under node's test runner, against a live server."""

import os
import shutil
import subprocess

import pytest

from tests.clients.conftest import TYPESCRIPT_CLIENT

NPM = shutil.which("npm")


@pytest.mark.skipif(NPM is None or not (TYPESCRIPT_CLIENT / "node_modules").is_dir(),
                    reason="needs node and `npm ci` in clients/typescript (CI runs both before the tests)")
def test_typescript_client_flows_against_a_live_server(shop):
    env = {**os.environ, "MM_BASE_URL": shop.base_url, "MM_API_KEY": shop.api_key,
           "MM_CATEGORY": shop.category_slug, "MM_VARIANT_ID": str(shop.candle_variant_id)}

    run = subprocess.run([NPM, "run", "--silent", "test"], cwd=TYPESCRIPT_CLIENT, env=env,  # noqa: S603
                         capture_output=True, text=True, timeout=300, check=False)

    assert run.returncode == 0, run.stdout + run.stderr
    assert "# pass 2" in run.stdout and "# fail 0" in run.stdout, run.stdout
