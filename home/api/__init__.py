"""The public API v2 (/api/v2/): endpoints in `views`, query checks in `filters`, serializer
fields in `fields` and `stream`, bulk loading in `resolver`. Apps add endpoints and fields of
their own in `<app>/api.py`; docs/api.md describes it for clients."""
