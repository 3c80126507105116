"""Logging pieces the production settings name by path."""

import logging


class WithoutTraceback(logging.Filter):
    """Drops the exception attached to a record, so the handler writes its message alone."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True
