#!/usr/bin/env python3
"""A FUSE file system that loses, at a simulated power cut, everything that was not synced.

usage: powerloss_fs.py BACKING MOUNTPOINT

BACKING holds what is on "stable storage". Written bytes stay in memory until the file is synced (fsync or
fdatasync); a file or directory created stays only in memory's view of its parent until the parent directory is
synced. Commands on stdin, one per line, each answered on stdout once done:
  cut              drop everything not synced ("ok")
  cut torn SEED    the same, but each written 4 KiB page not yet synced reaches BACKING with probability 1/2,
                   as a disk that wrote some of the page cache back before the power went ("ok")
  stats            "syncs N dirsyncs M" since the start
  exit             unmount and end
Removing and renaming go to BACKING at once (a limit of this model, not of real disks). Files are read whole into
memory when first opened for writing: this is for test data directories of a few megabytes.
"""
import errno
import os
import random
import subprocess
import sys
import threading

from fusepy import FUSE, FuseOSError, Operations

PAGE = 4096


class PendingFile:
    """A file's content as the programs see it, and which pages of it differ from BACKING."""

    def __init__(self, real):
        with open(real, 'rb') as f:
            self.data = bytearray(f.read())
        self.dirty = set()
        self.length_changed = False


class PowerLossFs(Operations):
    def __init__(self, backing):
        self.backing = os.path.realpath(backing)
        self.mutex = threading.RLock()
        self.files = {}
        self.created = {}
        self.syncs = 0
        self.dirsyncs = 0
        self.handles = 0

    def real(self, path):
        return os.path.join(self.backing, path.lstrip('/'))

    def pending(self, path):
        state = self.files.get(path)
        if state is None:
            state = PendingFile(self.real(path))
            self.files[path] = state
        return state

    def remember_created(self, path):
        parent, name = os.path.split(path)
        self.created.setdefault(parent, set()).add(name)

    def next_handle(self):
        self.handles += 1
        return self.handles

    # what is on stable storage

    def sync_file(self, path):
        state = self.files.get(path)
        if state is None:
            return
        with open(self.real(path), 'r+b') as f:
            for page in sorted(state.dirty):
                f.seek(page * PAGE)
                f.write(state.data[page * PAGE:(page + 1) * PAGE])
            f.truncate(len(state.data))
        state.dirty.clear()
        state.length_changed = False
        self.syncs += 1

    def cut(self, torn_seed=None):
        chance = random.Random(torn_seed) if torn_seed is not None else None
        for path, state in self.files.items():
            if chance is None or not os.path.exists(self.real(path)):
                continue
            with open(self.real(path), 'r+b') as f:
                for page in sorted(state.dirty):
                    if chance.random() < 0.5:
                        f.seek(page * PAGE)
                        f.write(state.data[page * PAGE:(page + 1) * PAGE])
        self.files.clear()
        for parent, names in self.created.items():
            for name in names:
                victim = self.real(os.path.join(parent, name))
                if os.path.isdir(victim) and not os.path.islink(victim):
                    subprocess.run(['rm', '-rf', victim], check=False)
                elif os.path.lexists(victim):
                    os.unlink(victim)
        self.created.clear()

    # the operations

    def init(self, path):
        print('mounted', flush=True)

    def getattr(self, path, fh=None):
        with self.mutex:
            st = os.lstat(self.real(path))
            result = {key: getattr(st, key) for key in ('st_atime', 'st_ctime', 'st_gid', 'st_mode', 'st_mtime',
                                                        'st_nlink', 'st_size', 'st_uid')}
            state = self.files.get(path)
            if state is not None:
                result['st_size'] = len(state.data)
            return result

    def access(self, path, amode):
        if not os.access(self.real(path), amode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path, mode):
        os.chmod(self.real(path), mode)

    def chown(self, path, uid, gid):
        os.chown(self.real(path), uid, gid)

    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self.real(path))

    def readlink(self, path):
        return os.readlink(self.real(path))

    def mkdir(self, path, mode):
        with self.mutex:
            os.mkdir(self.real(path), mode)
            self.remember_created(path)

    def rmdir(self, path):
        with self.mutex:
            os.rmdir(self.real(path))

    def unlink(self, path):
        with self.mutex:
            os.unlink(self.real(path))
            self.files.pop(path, None)

    def rename(self, old, new):
        with self.mutex:
            os.rename(self.real(old), self.real(new))
            if old in self.files:
                self.files[new] = self.files.pop(old)
            else:
                self.files.pop(new, None)
            parent, name = os.path.split(old)
            if name in self.created.get(parent, set()):
                self.created[parent].discard(name)
                self.remember_created(new)

    def symlink(self, target, source):
        with self.mutex:
            os.symlink(source, self.real(target))
            self.remember_created(target)

    def utimens(self, path, times=None):
        os.utime(self.real(path), times)

    def statfs(self, path):
        sv = os.statvfs(self.real(path))
        return {key: getattr(sv, key) for key in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail',
                                                  'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}

    def create(self, path, mode, fi=None):
        with self.mutex:
            fd = os.open(self.real(path), os.O_WRONLY | os.O_CREAT, mode)
            os.close(fd)
            self.remember_created(path)
            return self.next_handle()

    def open(self, path, flags):
        with self.mutex:
            if flags & os.O_TRUNC:
                self.pending(path)
                self.truncate(path, 0)
            return self.next_handle()

    def read(self, path, size, offset, fh):
        with self.mutex:
            state = self.files.get(path)
            if state is not None:
                return bytes(state.data[offset:offset + size])
            with open(self.real(path), 'rb') as f:
                f.seek(offset)
                return f.read(size)

    def write(self, path, data, offset, fh):
        with self.mutex:
            state = self.pending(path)
            end = offset + len(data)
            if end > len(state.data):
                state.data.extend(bytes(end - len(state.data)))
                state.length_changed = True
            state.data[offset:end] = data
            state.dirty.update(range(offset // PAGE, (end - 1) // PAGE + 1))
            return len(data)

    def truncate(self, path, length, fh=None):
        with self.mutex:
            state = self.pending(path)
            if length < len(state.data):
                del state.data[length:]
            else:
                state.data.extend(bytes(length - len(state.data)))
            state.dirty = {page for page in state.dirty if page * PAGE < length}
            if length % PAGE:
                state.dirty.add(length // PAGE)
            state.length_changed = True

    def fsync(self, path, datasync, fh):
        with self.mutex:
            self.sync_file(path)

    def fsyncdir(self, path, datasync, fh):
        with self.mutex:
            self.created.pop(path, None)
            self.dirsyncs += 1

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        return 0


def commands(fs, mountpoint):
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == 'cut':
            with fs.mutex:
                fs.cut(int(words[2]) if len(words) > 2 and words[1] == 'torn' else None)
            print('ok', flush=True)
        elif words[0] == 'stats':
            with fs.mutex:
                print('syncs %d dirsyncs %d' % (fs.syncs, fs.dirsyncs), flush=True)
        elif words[0] == 'exit':
            break
    subprocess.run(['fusermount', '-u', '-z', mountpoint], check=False)


def main():
    backing, mountpoint = sys.argv[1], sys.argv[2]
    fs = PowerLossFs(backing)
    threading.Thread(target=commands, args=(fs, mountpoint), daemon=True).start()
    FUSE(fs, mountpoint, foreground=True, nothreads=False, direct_io=True, attr_timeout=0, entry_timeout=0,
         negative_timeout=0)


if __name__ == '__main__':
    main()
