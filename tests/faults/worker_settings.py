"""Settings of a `db_worker` subprocess in the worker-kill tests: the test settings, with mail held by
tests.faults.blocking_email in the folder FAULTS_MAIL_DIR names."""

import os

from tests.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.faults.blocking_email.EmailBackend"
EMAIL_FILE_PATH = os.environ["FAULTS_MAIL_DIR"]
