"""Ports for servers a test starts (or for one that must refuse connections): free when asked, from the kernel's
ephemeral range, so two test runs side by side (or a server a killed run left behind) never meet on one."""

import socket
from contextlib import ExitStack


def free_ports(count: int) -> list[int]:
    """`count` distinct ports nothing listens on (each probe stays bound until all are taken, so the kernel
    cannot hand out one port twice)."""
    with ExitStack() as stack:
        probes = [stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]


def free_port() -> int:
    return free_ports(1)[0]
