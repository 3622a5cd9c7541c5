/*
 * stat(), lstat(), fstat() and fstatat() for a build against glibc < 2.33 (scripts/build-linux-sqlite.mjs).
 * Before 2.33 glibc had no such symbols: its headers turned the calls into __xstat64() & co., exported by libc.so.
 * Zig 0.11 supplies its own stand-ins instead, which make the system call but never set errno — so SQLite, seeing
 * lstat() fail on a database file that does not exist yet with errno 0 instead of ENOENT, refuses to create it
 * ("unable to open database file"). These call glibc's own entry points, which set errno as on any glibc system.
 * No headers: the stat structures are passed through untouched (struct stat and stat64 are one layout on LP64).
 */
#if defined(__x86_64__)
#define STAT_VER 1 /* _STAT_VER_LINUX */
#elif defined(__aarch64__)
#define STAT_VER 0 /* the generic 64-bit ABI */
#else
#error "only x86_64 and aarch64 are built"
#endif

extern int __xstat64(int ver, const char *path, void *buf);
extern int __lxstat64(int ver, const char *path, void *buf);
extern int __fxstat64(int ver, int fd, void *buf);
extern int __fxstatat64(int ver, int dirfd, const char *path, void *buf, int flags);

#define HIDDEN __attribute__((visibility("hidden")))
HIDDEN int stat(const char *path, void *buf) { return __xstat64(STAT_VER, path, buf); }
HIDDEN int stat64(const char *path, void *buf) { return __xstat64(STAT_VER, path, buf); }
HIDDEN int lstat(const char *path, void *buf) { return __lxstat64(STAT_VER, path, buf); }
HIDDEN int lstat64(const char *path, void *buf) { return __lxstat64(STAT_VER, path, buf); }
HIDDEN int fstat(int fd, void *buf) { return __fxstat64(STAT_VER, fd, buf); }
HIDDEN int fstat64(int fd, void *buf) { return __fxstat64(STAT_VER, fd, buf); }
HIDDEN int fstatat(int dirfd, const char *path, void *buf, int flags) { return __fxstatat64(STAT_VER, dirfd, path, buf, flags); }
HIDDEN int fstatat64(int dirfd, const char *path, void *buf, int flags) { return __fxstatat64(STAT_VER, dirfd, path, buf, flags); }
