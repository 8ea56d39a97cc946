/*
 * unistd.h - the POSIX system call wrappers: files (file.c), processes
 * (process.c, exec.c, nice() in priority.c), memory (brk.c), sleeping
 * (time.c), terminals (termios.c), and the raw syscall() (syscall.c).
 * Each returns -1 and sets errno on failure.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <sys/types.h>
#include <uapi/fcntl.h>		/* SEEK_SET, SEEK_CUR, SEEK_END */

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

/* access() modes */
#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int oldfd, int newfd);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int access(const char *path, int mode);
int unlink(const char *path);
int rmdir(const char *path);
ssize_t readlink(const char *path, char *buf, size_t size);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);

pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
__attribute__((noreturn)) void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
pid_t getpgid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgrp(void);
pid_t getsid(pid_t pid);
pid_t setsid(void);
int pause(void);
int nice(int inc);

int isatty(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);

int brk(void *addr);
void *sbrk(long increment);

long syscall(long nr, ...);

extern char **environ;

#endif /* _UNISTD_H */
