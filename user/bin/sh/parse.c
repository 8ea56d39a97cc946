/*
 * user/bin/sh/parse.c - reading commands: words with their quotes and
 * $-expansions, the lexer that cuts a line into words and operators, and
 * the parser that groups them into a pipeline (sh.h's struct pipeline).
 * Called by main.c's loop; reads the state main.c keeps ($?, $0...).
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

enum token { T_WORD, T_PIPE, T_AMP, T_SEMI, T_LT, T_GT, T_APPEND, T_END, T_ERROR };

/* ---- words: a growing string ---- */

struct word {
	char *s;
	size_t len, cap;
	int quoted;		/* had quotes, so "" is still a word */
};

static void word_add(struct word *w, const char *s, size_t n)
{
	if (w->len + n + 1 > w->cap) {
		size_t cap = (w->len + n + 1) * 2;
		char *p = realloc(w->s, cap);

		if (!p) {
			perror("sh");
			exit(1);
		}
		w->s = p;
		w->cap = cap;
	}
	memcpy(w->s + w->len, s, n);
	w->len += n;
	w->s[w->len] = '\0';
}

/* Expand the $-thing at *@p (just after the '$') into @w; advance *@p. */
static void expand_dollar(const char **p, struct word *w)
{
	const char *s = *p;
	char num[16];
	const char *val = NULL;

	if (*s == '?' || *s == '$' || *s == '!' || *s == '#') {
		int v = *s == '?' ? last_status : *s == '$' ? getpid() :
			*s == '!' ? last_bg_pid : nargs > 0 ? nargs - 1 : 0;

		snprintf(num, sizeof(num), "%d", v);
		val = num;
		s++;
	} else if (isdigit((unsigned char)*s)) {
		int i = *s++ - '0';

		val = i < nargs ? args[i] : "";
	} else if (isalpha((unsigned char)*s) || *s == '_') {
		const char *start = s;
		char name[NAME_MAX + 1];
		size_t n;

		while (isalnum((unsigned char)*s) || *s == '_')
			s++;
		n = s - start < NAME_MAX ? (size_t)(s - start) : NAME_MAX;
		memcpy(name, start, n);
		name[n] = '\0';
		val = getenv(name);
		if (!val)
			val = "";
	} else {
		val = "$";	/* a lone '$' is itself */
	}
	word_add(w, val, strlen(val));
	*p = s;
}

/* ---- the lexer: one token at a time, expanding as it goes ---- */

static int is_operator(char c)
{
	return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' ||
	       c == '\n';
}

/*
 * The next token at *@p.  For T_WORD, *@out gets a malloc()ed word.
 * Expansion happens here, so "false; echo $?" sees false's status: the
 * second command is not read until the first has run.
 */
static enum token next_token(const char **p, char **out)
{
	const char *s = *p;
	struct word w = { 0 };

	while (*s == ' ' || *s == '\t' || *s == '\r')
		s++;
	if (*s == '#')
		while (*s && *s != '\n')
			s++;
	*p = s + 1;
	switch (*s) {
	case '\0':
		*p = s;
		return T_END;
	case '\n':
	case ';':
		return T_SEMI;
	case '|':
		return T_PIPE;
	case '&':
		return T_AMP;
	case '<':
		return T_LT;
	case '>':
		if (s[1] == '>') {
			*p = s + 2;
			return T_APPEND;
		}
		return T_GT;
	}

	while (*s && *s != ' ' && *s != '\t' && *s != '\r' && !is_operator(*s)) {
		if (*s == '\'') {
			const char *end = strchr(s + 1, '\'');

			if (!end)
				goto unterminated;
			word_add(&w, s + 1, end - s - 1);
			w.quoted = 1;
			s = end + 1;
		} else if (*s == '"') {
			w.quoted = 1;
			for (s++; *s != '"'; ) {
				if (!*s)
					goto unterminated;
				if (*s == '\\' && s[1] && strchr("\"\\$`", s[1])) {
					word_add(&w, s + 1, 1);
					s += 2;
				} else if (*s == '$') {
					s++;
					expand_dollar(&s, &w);
				} else {
					word_add(&w, s++, 1);
				}
			}
			s++;
		} else if (*s == '\\') {
			if (s[1])
				word_add(&w, s + 1, 1);
			s += s[1] ? 2 : 1;
			w.quoted = 1;
		} else if (*s == '$') {
			s++;
			expand_dollar(&s, &w);
		} else {
			word_add(&w, s++, 1);
		}
	}
	*p = s;
	/* An unquoted word that expanded to nothing is no word at all. */
	if (!w.len && !w.quoted) {
		free(w.s);
		return next_token(p, out);
	}
	if (!w.s)
		word_add(&w, "", 0);
	*out = w.s;
	return T_WORD;

unterminated:
	fprintf(stderr, "sh: unterminated quote\n");
	free(w.s);
	return T_ERROR;
}

/* ---- the parser: one pipeline, up to ';', '&' or the end ---- */

/* free_pipeline - free @pl's words and file names and clear it. */
void free_pipeline(struct pipeline *pl)
{
	int i, j;

	for (i = 0; i < pl->n; i++) {
		for (j = 0; j < pl->cmds[i].argc; j++)
			free(pl->cmds[i].argv[j]);
		free(pl->cmds[i].in);
		free(pl->cmds[i].out);
	}
	memset(pl, 0, sizeof(*pl));
}

static int syntax_error(const char *what)
{
	fprintf(stderr, "sh: syntax error: %s\n", what);
	last_status = STATUS_USAGE;
	return -1;
}

/*
 * parse_pipeline - read the next pipeline at *@p into @pl, advancing *@p.
 * *@more is set if the pipeline ended with ';', '&' or a newline, so more
 * may follow.  Returns 1 if there is a pipeline to run, 0 for an empty
 * command or the end of the text, -1 after a syntax error (said on
 * stderr; $? is set to STATUS_USAGE and the caller drops the line).
 */
int parse_pipeline(const char **p, struct pipeline *pl, int *more)
{
	struct cmd *c;
	enum token t;
	char *word;

	memset(pl, 0, sizeof(*pl));
	pl->n = 1;
	c = &pl->cmds[0];
	for (;;) {
		t = next_token(p, &word);
		switch (t) {
		case T_WORD:
			if (c->argc == MAX_ARGS) {
				free(word);
				return syntax_error("too many words");
			}
			c->argv[c->argc++] = word;
			break;
		case T_LT:
		case T_GT:
		case T_APPEND:
			if (next_token(p, &word) != T_WORD)
				return syntax_error("redirection without a file");
			if (t == T_LT) {
				free(c->in);
				c->in = word;
			} else {
				free(c->out);
				c->out = word;
				c->append = t == T_APPEND;
			}
			break;
		case T_PIPE:
			if (!c->argc)
				return syntax_error("empty command in a pipeline");
			if (pl->n == MAX_CMDS)
				return syntax_error("pipeline too long");
			c = &pl->cmds[pl->n++];
			break;
		case T_AMP:
		case T_SEMI:
		case T_END:
			*more = t != T_END;
			pl->background = t == T_AMP;
			if (!c->argc) {
				if (pl->n > 1 || pl->background || c->in || c->out)
					return syntax_error("missing command");
				pl->n = 0;
				return 0;
			}
			return 1;
		case T_ERROR:
			last_status = STATUS_USAGE;
			return -1;
		}
	}
}

