/*
 * user/lib/ctype.c - character classes in the "C" locale: ASCII, and
 * nothing above 127 belongs to any class.
 */
#include <ctype.h>

/* isdigit - nonzero if @c is '0'..'9'. */
int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/* isxdigit - nonzero if @c is a hexadecimal digit. */
int isxdigit(int c)
{
	return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* isspace - nonzero for space, \t, \n, \v, \f and \r. */
int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* isupper - nonzero if @c is 'A'..'Z'. */
int isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* islower - nonzero if @c is 'a'..'z'. */
int islower(int c)
{
	return c >= 'a' && c <= 'z';
}

/* isalpha - nonzero for a letter. */
int isalpha(int c)
{
	return isupper(c) || islower(c);
}

/* isalnum - nonzero for a letter or a digit. */
int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

/* isprint - nonzero for a printable character, space included. */
int isprint(int c)
{
	return c >= ' ' && c <= '~';
}

/* ispunct - nonzero for a printable character that is not alphanumeric or space. */
int ispunct(int c)
{
	return isprint(c) && c != ' ' && !isalnum(c);
}

/* toupper - @c as a capital if it is a small letter, else unchanged. */
int toupper(int c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}

/* tolower - @c as a small letter if it is a capital, else unchanged. */
int tolower(int c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}
