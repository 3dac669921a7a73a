"""Task priorities, one ladder for the whole portal.

django-tasks-db serves the highest priority first (-100 to 100), so mail a
person waits for never queues behind bulk work.
"""

PERSON_FACING = 50  # e-mails: a receipt, a coordinator's notice
BULK = -50  # rebuilds that a later change may make moot
