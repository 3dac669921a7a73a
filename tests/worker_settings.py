"""Settings of a real ``db_worker`` that a test starts as a subprocess.

The test settings, with the database task backend and mail to the SMTP server
named by EMAIL_HOST/EMAIL_PORT (read from the environment in base.py).
"""

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
