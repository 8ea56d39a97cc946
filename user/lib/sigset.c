/*
 * user/lib/sigset.c - signal sets: a 64-bit mask where signal n is bit
 * n - 1, word (n - 1) / 32, as the kernel's sigset_t is laid out.
 */
#include <errno.h>
#include <signal.h>

#define BITS_PER_WORD	32

/* Is @sig a signal number a set can hold?  If not, errno EINVAL. */
static int bad_signal(int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

/* sigemptyset - make @set hold no signal. */
int sigemptyset(sigset_t *set)
{
	set->sig[0] = set->sig[1] = 0;
	return 0;
}

/* sigfillset - make @set hold every signal. */
int sigfillset(sigset_t *set)
{
	set->sig[0] = set->sig[1] = ~0UL;
	return 0;
}

/* sigaddset - add @sig to @set; -1 (EINVAL) for a bad number. */
int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->sig[(sig - 1) / BITS_PER_WORD] |= 1UL << ((sig - 1) % BITS_PER_WORD);
	return 0;
}

/* sigdelset - remove @sig from @set; -1 (EINVAL) for a bad number. */
int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->sig[(sig - 1) / BITS_PER_WORD] &= ~(1UL << ((sig - 1) % BITS_PER_WORD));
	return 0;
}

/* sigismember - 1 if @sig is in @set, 0 if not, -1 (EINVAL) for a bad number. */
int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return !!(set->sig[(sig - 1) / BITS_PER_WORD] &
		  (1UL << ((sig - 1) % BITS_PER_WORD)));
}
