"""Exceptions worded for the user. The CLI turns them into one ``Error:`` line."""


class LagebildError(Exception):
    """Base class. ``tip`` says what the user can do about it, where we know."""

    def __init__(self, message: str, *, tip: str | None = None):
        super().__init__(message)
        self.tip = tip


class InputError(LagebildError):
    """An input item (file, URL, stream) could not be read as an article."""

    def __init__(self, item: str, message: str, *, tip: str | None = None):
        super().__init__(f"{item}: {message}", tip=tip)
        self.item = item
        self.reason = message


class ConfigError(LagebildError):
    pass


class StageError(LagebildError):
    def __init__(self, stage: str, doc_id: str, message: str):
        super().__init__(f"stage {stage!r} failed on document {doc_id or '(new)'}: {message}")
        self.stage = stage


class StorageError(LagebildError):
    pass


class NotFoundError(LagebildError):
    pass


class MissingDependencyError(LagebildError):
    def __init__(self, package: str, extra: str):
        super().__init__(
            f"this feature needs the package {package!r}",
            tip=f"install it with: pip install 'lagebild[{extra}]'",
        )
