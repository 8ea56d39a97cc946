/*
 * include/uapi/wait.h - wait4()/waitpid() options and the status word.
 *
 * The status a parent receives is Linux's encoding:
 *   exited with code c:      (c & 0xff) << 8
 *   killed by signal s:      s            (| 0x80 if it dumped core)
 *   stopped by signal s:     (s << 8) | 0x7f
 *   continued:               0xffff
 */
#ifndef UAPI_WAIT_H
#define UAPI_WAIT_H

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define __WALL		0x40000000
#define __WCLONE	0x80000000

#define WEXITSTATUS(s)	(((s) & 0xff00) >> 8)
#define WTERMSIG(s)	((s) & 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
#define WIFSIGNALED(s)	(((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WIFCONTINUED(s)	((s) == 0xffff)
#define WCOREDUMP(s)	((s) & 0x80)

#endif /* UAPI_WAIT_H */
