"""A port for a server a test starts (or for one that must refuse connections): free when asked, from the kernel's
ephemeral range, so two test runs side by side (or a server a killed run left behind) never meet on it."""

import socket


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
