"""An email backend a test can hold mid-send: it writes each message to EMAIL_FILE_PATH (Django's file
backend) after touching `<EMAIL_FILE_PATH>/sending`, and waits while `<EMAIL_FILE_PATH>/hold` exists."""

import time
from pathlib import Path

from django.conf import settings
from django.core.mail.backends import filebased


class EmailBackend(filebased.EmailBackend):
    def send_messages(self, email_messages):
        folder = Path(settings.EMAIL_FILE_PATH)
        (folder / "sending").touch()
        while (folder / "hold").exists():
            time.sleep(0.05)
        return super().send_messages(email_messages)
