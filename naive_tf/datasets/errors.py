"""The errors raised when a data file exists but cannot be trusted."""


class DataFileError(ValueError):
    """A data file is damaged, truncated or not in the expected format."""


class ChecksumError(DataFileError):
    """A file parsed fine but its content differs from the official one."""
