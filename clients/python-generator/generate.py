"""Generate clients/python from schema.yml with the pinned openapi-python-client (`make schema` runs this).

One adjustment on the way in: openapi-python-client reads any non-empty `security` as "authentication
required" and types such a function's `client` as `AuthenticatedClient` only, even when the list holds the
empty requirement `{}` that OpenAPI uses for "anonymous works too" (openapi-python-client issue 1372). The
committed schema.yml keeps the truth; the generator gets a copy where those optional-auth operations have
no security, so their functions take a plain `Client` or an `AuthenticatedClient`.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUTPUT = ROOT / "clients" / "python"


def for_generator(schema: dict) -> dict:
    for operations in schema["paths"].values():
        for operation in operations.values():
            if {} in operation.get("security", []):
                operation["security"] = []
    return schema


def main() -> int:
    schema = for_generator(yaml.safe_load((ROOT / "schema.yml").read_text()))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "schema.yml"
        path.write_text(yaml.safe_dump(schema, sort_keys=False, allow_unicode=True))
        command = [
            str(Path(sys.executable).parent / "openapi-python-client"), "generate",
            "--path", str(path), "--config", str(HERE / "config.yml"), "--meta", "setup",
            "--custom-template-path", str(HERE / "templates"), "--output-path", str(OUTPUT),
            "--overwrite", "--fail-on-warning",
        ]
        return subprocess.run(command, env=env, check=False).returncode  # noqa: S603 - the pinned generator


if __name__ == "__main__":
    sys.exit(main())
