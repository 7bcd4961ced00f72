#!/usr/bin/python3
"""A FUSE file system that forgets what was not made durable, the way a power cut does (after Jepsen's LazyFS).

    /usr/bin/python3 powerloss_fs.py BACKING MOUNT_POINT SEED

Every operation passes through to the real folder BACKING, at once: what the mount shows is what BACKING holds.
Besides, the file system keeps what it needs to forget everything not yet made durable:

- File data. Per file (by inode, so it follows the file through renames) an undo journal of what was written or
  truncated since the file's last fsync: its size at that fsync, and the old bytes of every range overwritten or
  cut off below that size. Undoing it truncates the file to that size, then writes the old bytes back, newest
  first. A file created here and never fsynced has size 0 at its last sync; a file that was in BACKING before
  the mount counts as synced as it was found.
- Names. create, mkdir, unlink, rmdir and rename (also one that replaces its target) go into one ordered list of
  pending operations, each with the folders whose entries it changed (a rename: both). An fsync of a folder makes
  that folder's entries durable: an operation is committed once every folder it changed has been fsynced after
  it, as POSIX asks (fsync of a file does not make its name durable; a new folder's own name is an entry of its
  parent, so a file in a new folder survives only if the parent was fsynced after the mkdir too). Unlinked
  or replaced files and removed folders are moved into a stash inside BACKING (.powerloss-stash, hidden from
  the mount) until their removal is committed, so that they can come back.

Power cut: a line "cut" on stdin. Every file's unsynced data is undone; of the pending name operations a prefix
is kept whose length is drawn from SEED's random sequence, and the rest is reverted newest first; the stash is
emptied. So a rename whose folder was not fsynced comes back either way. The daemon then prints "cut done ..."
and fails every further operation with EIO until it is unmounted (fusermount -u). It prints "mounted" once the
kernel has connected. A clean unmount, or the end of stdin (which also unmounts), forgets nothing. Locks are
left to the kernel (no lock operation); one thread serves the kernel, another reads stdin.
"""
import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import threading

from fusepy import FUSE, FuseOSError, Operations

STASH = '.powerloss-stash'


class Journal:
    """What undoes a file's writes since its last fsync: its size then, and the old bytes overwritten below it."""

    def __init__(self, synced_size):
        self.synced_size = synced_size
        self.old_bytes = []  # (offset, bytes), oldest first

    def before_overwrite(self, fd, offset, end):
        """Keeps the synced bytes in [offset, end) that are about to change."""
        end = min(end, self.synced_size)
        if offset < end:
            self.old_bytes.append((offset, os.pread(fd, end - offset, offset)))

    def undo(self, path):
        with open(path, 'r+b') as file:
            file.truncate(self.synced_size)
            for offset, data in reversed(self.old_bytes):
                file.seek(offset)
                file.write(data)
            file.flush()
            os.fsync(file.fileno())


class PendingOperation:
    """A name operation not yet committed: the folders it touched and how to revert it."""

    def __init__(self, folders, revert, stashed=()):
        self.folders = folders
        self.revert = revert
        self.stashed = stashed  # stash entries to delete once the operation is committed
        self.guards = []  # (real folder path, its inode when the operation was done), set by the file system

    def folders_moved(self):
        """Whether a folder the operation changed is no longer at its path (a later rename moved it)."""
        for real_path, inode in self.guards:
            try:
                if os.lstat(real_path).st_ino != inode:
                    return True
            except FileNotFoundError:
                return True
        return False


class PowerLossFs(Operations):
    use_ns = True
    flag_nullpath_ok = True  # with hard_remove, a file still open after its unlink is served by handle alone

    def __init__(self, backing, seed):
        self.backing = os.path.realpath(backing)
        self.stash = os.path.join(self.backing, STASH)
        shutil.rmtree(self.stash, ignore_errors=True)  # left by a daemon that died
        os.mkdir(self.stash)
        self.random = random.Random(seed)
        self.journals = {}  # inode -> Journal
        self.pending = []  # PendingOperation, oldest first
        self.stash_count = 0
        self.serial = threading.Lock()  # not "lock": fusepy would take it for the lock operation
        self.cut_done = False

    def __call__(self, op, *args):
        with self.serial:
            if self.cut_done and op not in ('release', 'releasedir', 'destroy'):
                raise FuseOSError(errno.EIO)
            return super().__call__(op, *args)

    # --- paths ---

    def real(self, path):
        if path == '/' + STASH or path.startswith('/' + STASH + '/'):
            raise FuseOSError(errno.ENOENT)
        return os.path.join(self.backing, path.lstrip('/'))

    def remember(self, operation):
        operation.guards = [(self.real(folder), os.lstat(self.real(folder)).st_ino) for folder in operation.folders]
        self.pending.append(operation)

    @staticmethod
    def folder(path):
        return os.path.dirname(path) or '/'

    def to_stash(self, real_path):
        self.stash_count += 1
        stashed = os.path.join(self.stash, str(self.stash_count))
        os.rename(real_path, stashed)
        return stashed

    # --- data ---

    def journal(self, fd):
        inode = os.fstat(fd).st_ino
        if inode not in self.journals:
            self.journals[inode] = Journal(os.fstat(fd).st_size)
        return self.journals[inode]

    def truncate_fd(self, fd, length):
        size = os.fstat(fd).st_size
        if length < size:
            self.journal(fd).before_overwrite(fd, length, size)
        else:
            self.journal(fd)  # a file found here keeps its size at the first change
        os.ftruncate(fd, length)

    def open(self, path, flags):
        # Read access too, to keep old bytes; the kernel works out appends, and truncates here, journalled.
        if flags & os.O_ACCMODE == os.O_WRONLY:
            flags = flags & ~os.O_ACCMODE | os.O_RDWR
        fd = os.open(self.real(path), flags & ~(os.O_APPEND | os.O_TRUNC | os.O_CREAT | os.O_EXCL))
        if flags & os.O_TRUNC:
            self.truncate_fd(fd, 0)
        return fd

    def create(self, path, mode, fi=None):
        real = self.real(path)
        existed = os.path.lexists(real)
        fd = os.open(real, os.O_RDWR | os.O_CREAT, mode)
        if not existed:
            self.journals[os.fstat(fd).st_ino] = Journal(0)
            self.remember(PendingOperation([self.folder(path)], lambda: self.forget_file(real)))
        return fd

    def forget_file(self, real_path):
        self.journals.pop(os.lstat(real_path).st_ino, None)
        os.unlink(real_path)

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def write(self, path, data, offset, fh):
        self.journal(fh).before_overwrite(fh, offset, offset + len(data))
        return os.pwrite(fh, data, offset)

    def truncate(self, path, length, fh=None):
        if fh is not None:
            self.truncate_fd(fh, length)
            return
        fd = os.open(self.real(path), os.O_RDWR)
        try:
            self.truncate_fd(fd, length)
        finally:
            os.close(fd)

    def fsync(self, path, datasync, fh):
        os.fsync(fh)
        self.journals[os.fstat(fh).st_ino] = Journal(os.fstat(fh).st_size)

    def flush(self, path, fh):
        pass

    def release(self, path, fh):
        os.close(fh)

    # --- names ---

    def mkdir(self, path, mode):
        real = self.real(path)
        os.mkdir(real, mode)
        self.remember(PendingOperation([self.folder(path)], lambda: shutil.rmtree(real)))

    def unlink(self, path):
        self.remove(path)

    def rmdir(self, path):
        real = self.real(path)
        if os.listdir(real):
            raise FuseOSError(errno.ENOTEMPTY)
        self.remove(path)

    def remove(self, path):
        real = self.real(path)
        stashed = self.to_stash(real)
        self.remember(PendingOperation([self.folder(path)], lambda: os.rename(stashed, real), [stashed]))

    def rename(self, old, new):
        real_old, real_new = self.real(old), self.real(new)
        if os.path.lexists(real_new):
            if os.path.samefile(real_old, real_new):
                return
            if os.path.isdir(real_new) and os.listdir(real_new):
                raise FuseOSError(errno.ENOTEMPTY)
            replaced = [self.to_stash(real_new)]
        else:
            replaced = []
        os.rename(real_old, real_new)

        def revert():
            os.rename(real_new, real_old)
            for stashed in replaced:
                os.rename(stashed, real_new)

        self.remember(PendingOperation([self.folder(old), self.folder(new)], revert, replaced))

    def fsyncdir(self, path, datasync, fh):
        os.fsync(fh)
        still_pending = []
        for operation in self.pending:
            operation.folders = [folder for folder in operation.folders if folder != path]
            if operation.folders:
                still_pending.append(operation)
            else:
                for stashed in operation.stashed:
                    self.delete_for_good(stashed)
        self.pending = still_pending

    def delete_for_good(self, real_path):
        if os.path.isdir(real_path) and not os.path.islink(real_path):
            shutil.rmtree(real_path)
        else:
            self.journals.pop(os.lstat(real_path).st_ino, None)
            os.unlink(real_path)

    def opendir(self, path):
        return os.open(self.real(path), os.O_RDONLY | os.O_DIRECTORY)

    def releasedir(self, path, fh):
        os.close(fh)

    def readdir(self, path, fh):
        names = os.listdir(self.real(path))
        return ['.', '..'] + [name for name in names if not (path == '/' and name == STASH)]

    # --- attributes ---

    def getattr(self, path, fh=None):
        # fusepy passes a null pointer, not None, when there is no handle
        st = os.fstat(fh) if isinstance(fh, int) else os.lstat(self.real(path))
        attributes = {key: getattr(st, key) for key in
                      ('st_mode', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_ino', 'st_blocks')}
        attributes.update(st_atime=st.st_atime_ns, st_mtime=st.st_mtime_ns, st_ctime=st.st_ctime_ns)
        return attributes

    def access(self, path, amode):
        if not os.access(self.real(path), amode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path, mode):
        os.chmod(self.real(path), mode)

    def chown(self, path, uid, gid):
        os.chown(self.real(path), uid, gid)

    def utimens(self, path, times=None):
        os.utime(self.real(path), ns=times)

    def statfs(self, path):
        st = os.statvfs(self.real(path))
        return {key: getattr(st, key) for key in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail',
                                                  'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}

    # --- the daemon ---

    def init(self, path):
        print('mounted', flush=True)

    def destroy(self, path):
        shutil.rmtree(self.stash, ignore_errors=True)

    def cut(self):
        with self.serial:
            kept = self.random.randint(0, len(self.pending))
            reverted = self.pending[kept:]
            moot = 0
            for operation in reversed(reverted):
                # Operations are kept by path: one inside a folder that a later, committed rename moved away (or
                # another folder took its name) is not reverted, and stays done — this forgets less, never more.
                if operation.folders_moved():
                    moot += 1
                    continue
                try:
                    operation.revert()
                except FileNotFoundError:
                    moot += 1
            undone = 0
            for inode, real_path in self.files_by_inode().items():
                journal = self.journals.get(inode)
                if journal is not None and (journal.old_bytes or os.lstat(real_path).st_size != journal.synced_size):
                    journal.undo(real_path)
                    undone += 1
            shutil.rmtree(self.stash)
            os.sync()
            self.cut_done = True
            print('cut done: kept %d of %d pending name operations (%d more could not be found to revert), '
                  'undid data of %d files' % (kept, len(self.pending), moot, undone), flush=True)

    def files_by_inode(self):
        files = {}
        for folder, _, names in os.walk(self.backing):
            for name in names:
                real_path = os.path.join(folder, name)
                if os.path.isfile(real_path) and not os.path.islink(real_path):
                    files[os.lstat(real_path).st_ino] = real_path
        return files


def read_commands(fs, mount_point):
    # Signals are for the thread that serves the kernel: libfuse's handlers end its loop.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})
    for line in sys.stdin:
        if line.strip() == 'cut':
            fs.cut()
    # The parent is gone: unmount rather than leave a mount nobody will unmount.
    subprocess.run(['fusermount', '-u', '-z', mount_point], check=False)


def main():
    backing, mount_point, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    fs = PowerLossFs(backing, seed)
    threading.Thread(target=read_commands, args=(fs, mount_point), daemon=True).start()
    FUSE(fs, mount_point, foreground=True, nothreads=True, hard_remove=True, big_writes=True,
         fsname='powerloss')


if __name__ == '__main__':
    main()
