"""One writer per checkpoint folder: a lock that the operating system releases whenever its holder ends."""

import os
from pathlib import Path

if os.name == "nt":
    import msvcrt

    def lock(file) -> None:
        msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)

    def unlock(file) -> None:
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def lock(file) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock(file) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)

LOCK_FILE = ".lock"


class FolderBusyError(OSError):
    """Another process, or another writer in this one, holds the folder's lock."""


class FolderLock:
    """An exclusive lock on a folder, held through the open file FOLDER/.lock.

    The lock belongs to the open file, not to the file's existence: closing it, or the end of the
    process however it ends (even killed), releases it, so a crash never leaves a folder locked.
    A second FolderLock on the same folder, in this process or another, is refused at once.
    """

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.file = None

    def acquire(self) -> None:
        self.file = open(self.folder / LOCK_FILE, "a")  # held open for as long as the lock is
        try:
            lock(self.file)
        except OSError:
            self.file.close()
            self.file = None
            raise FolderBusyError(
                f"another run is writing checkpoints in {self.folder} (it holds {self.folder / LOCK_FILE}): wait "
                "for it to end, or choose another folder"
            ) from None

    def release(self) -> None:
        if self.file is not None:
            unlock(self.file)
            self.file.close()
            self.file = None

    def __enter__(self) -> "FolderLock":
        self.acquire()
        return self

    def __exit__(self, *exception) -> None:
        self.release()
