/* user/lib/abs.c - absolute values.  abs(INT_MIN) is undefined, as in C. */
#include <stdlib.h>

/* abs - |@x| for an int. */
int abs(int x)
{
	return x < 0 ? -x : x;
}

/* labs - |@x| for a long. */
long labs(long x)
{
	return x < 0 ? -x : x;
}

/* llabs - |@x| for a long long. */
long long llabs(long long x)
{
	return x < 0 ? -x : x;
}
