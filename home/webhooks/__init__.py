"""Webhooks: other apps are told, by a signed JSON POST, when published content changes.

- `events`: the events (page events here, others registered by apps) and `emit`, called from
  the signal handlers in `signals`.
- `models`: subscriptions and the delivery log.
- `delivery`: signing, the POST, and the background task with its retries (django-tasks, run by
  `python manage.py db_worker`).
- `admin`: Settings → Webhooks and the delivery log.
"""
