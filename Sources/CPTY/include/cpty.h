#ifndef CPTY_H
#define CPTY_H

#include <stddef.h>

/// Opens a pseudo-terminal master (read-write, no controlling tty), grants and unlocks
/// it, and writes the slave's path into `slave_path`. Returns the master's descriptor,
/// or -1 with errno set. Swift's Glibc module hides posix_openpt and friends.
int cpty_open(char *slave_path, size_t capacity);

/// Whether the terminal behind `fd` is in canonical (line) mode. On Linux the master
/// shares the slave's termios, so a test can see when the program has switched to raw
/// mode. Returns 1, 0, or -1 on error.
int cpty_is_canonical(int fd);

/// Sets the window size of the terminal behind `fd`.
int cpty_set_size(int fd, unsigned short rows, unsigned short cols);

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a new session whose controlling terminal is
/// the slave `slave_path` (stdin, stdout and stderr), in folder `directory`, with no
/// signals blocked and SIGINT at its default. Returns 0 and the child's id, or an errno.
int cpty_spawn(const char *path, char *const argv[], char *const envp[], const char *slave_path,
               const char *directory, pid_t *pid);

#endif
