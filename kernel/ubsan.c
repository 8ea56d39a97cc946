/*
 * kernel/ubsan.c - the runtime of the undefined behaviour sanitizer, as
 * Linux's lib/ubsan.c.
 *
 * `make UBSAN=1` compiles every other kernel file with -fsanitize=...
 * (see the Makefile for which checks and why).  GCC then puts a check
 * before each operation that could be undefined (a signed overflow, a
 * shift too far, an index past an array's end, a NULL dereference...) and
 * calls one of the __ubsan_handle_*() functions below when it fails,
 * passing a static description: the source location and the types.  This
 * file is compiled without the sanitizer, so its own code is not checked.
 *
 * A handler prints one report and returns; the kernel carries on (the
 * checks are built "recoverable"), so one run can show several.  The
 * first line of a report starts with "UBSAN:", which tools/nest-run.py
 * counts as a failed run, like "BUG:".  Each source location is reported
 * once: its column's top bit marks it done, as Linux does.
 *
 * Without CONFIG_UBSAN this file is empty.
 */
#ifdef CONFIG_UBSAN

#include <nest/types.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/irqflags.h>
#include <nest/string.h>

/* The data GCC passes (libsanitizer's ubsan_handlers.h), for C only. */
struct source_location {
	const char *file_name;
	u32 line;
	u32 column;		/* REPORTED_BIT: reported already */
};

/* type_kind: */
#define TYPE_KIND_INT		0
#define TYPE_KIND_FLOAT		1

struct type_descriptor {
	u16 type_kind;
	u16 type_info;		/* ints: log2(bit width) << 1 | signed */
	char type_name[];	/* "'int'", with the quotes */
};

struct overflow_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct shift_out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *lhs_type;
	struct type_descriptor *rhs_type;
};

struct out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *array_type;
	struct type_descriptor *index_type;
};

struct type_mismatch_data_v1 {
	struct source_location location;
	struct type_descriptor *type;
	unsigned char log_alignment;
	unsigned char type_check_kind;	/* an index into type_check_kinds[] */
};

struct unreachable_data {
	struct source_location location;
};

struct vla_bound_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct invalid_value_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct nonnull_arg_data {
	struct source_location location;
	struct source_location attr_location;
	int arg_index;
};

struct nonnull_return_data {
	struct source_location attr_location;
};

struct pointer_overflow_data {
	struct source_location location;
};

struct invalid_builtin_data {
	struct source_location location;
	unsigned char kind;		/* 0: ctz, 1: clz */
};

#define REPORTED_BIT		0x80000000u

/* What a pointer was being used for (libsanitizer's TypeCheckKind). */
static const char *const type_check_kinds[] = {
	"load of", "store to", "reference binding to", "member access within",
	"member call on", "constructor call on", "downcast of", "downcast of",
	"upcast of", "cast to virtual base of", "_Nonnull binding to",
	"dynamic operation on",
};

/* One report at a time: a check failing inside printk() must not recurse. */
static bool in_report;

/*
 * Start a report for @loc, unless it was reported already or another
 * report is being printed.  Returns false if nothing should be printed.
 */
static bool report_begin(struct source_location *loc, const char *kind,
			 unsigned long *flags)
{
	if (loc && (loc->column & REPORTED_BIT))
		return false;
	local_irq_save(*flags);
	if (in_report) {
		local_irq_restore(*flags);
		return false;
	}
	in_report = true;
	if (loc) {
		loc->column |= REPORTED_BIT;
		pr_err("UBSAN: %s in %s:%u:%u\n", kind, loc->file_name, loc->line,
		       loc->column & ~REPORTED_BIT);
	} else {
		pr_err("UBSAN: %s\n", kind);
	}
	return true;
}

static void report_end(unsigned long flags)
{
	dump_stack();
	pr_err("---[ end UBSAN report ]---\n");
	in_report = false;
	local_irq_restore(flags);
}

static unsigned int type_bit_width(const struct type_descriptor *type)
{
	return 1u << (type->type_info >> 1);
}

static bool type_is_signed(const struct type_descriptor *type)
{
	return type->type_info & 1;
}

/*
 * A value as GCC passes it: in the word itself if the type fits in a
 * pointer, else (64-bit types on i386) by address.
 */
static bool value_is_inline(const struct type_descriptor *type)
{
	return type_bit_width(type) <= sizeof(void *) * 8;
}

static s64 get_signed_val(const struct type_descriptor *type, void *val)
{
	if (value_is_inline(type)) {
		unsigned int extra = sizeof(long) * 8 - type_bit_width(type);

		return ((long)val << extra) >> extra;	/* sign-extend */
	}
	return *(s64 *)val;
}

static u64 get_unsigned_val(const struct type_descriptor *type, void *val)
{
	if (value_is_inline(type))
		return (unsigned long)val;
	return *(u64 *)val;
}

static bool val_is_negative(const struct type_descriptor *type, void *val)
{
	return type_is_signed(type) && get_signed_val(type, val) < 0;
}

/* "@val" in decimal if an integer, else as the hex word GCC passed. */
static void format_value(char *buf, size_t size, const struct type_descriptor *type,
			 void *val)
{
	if (type->type_kind != TYPE_KIND_INT)
		snprintf(buf, size, "(value %p)", val);
	else if (type_is_signed(type))
		snprintf(buf, size, "%lld", (long long)get_signed_val(type, val));
	else
		snprintf(buf, size, "%llu", (unsigned long long)get_unsigned_val(type, val));
}

#define VALUE_LENGTH	24

static void handle_overflow(struct overflow_data *data, void *lhs, void *rhs,
			    char op)
{
	char l[VALUE_LENGTH], r[VALUE_LENGTH];
	unsigned long flags;

	if (!report_begin(&data->location, type_is_signed(data->type) ?
			  "signed-integer-overflow" : "unsigned-integer-overflow",
			  &flags))
		return;
	format_value(l, sizeof(l), data->type, lhs);
	format_value(r, sizeof(r), data->type, rhs);
	pr_err("%s %c %s cannot be represented in type %s\n", l, op, r,
	       data->type->type_name);
	report_end(flags);
}

/*
 * The entry points: one per kind of check, named and typed as GCC calls
 * them.  Declared here, since nothing else in the kernel calls them.
 */
void __ubsan_handle_add_overflow(void *data, void *lhs, void *rhs);
void __ubsan_handle_sub_overflow(void *data, void *lhs, void *rhs);
void __ubsan_handle_mul_overflow(void *data, void *lhs, void *rhs);
void __ubsan_handle_negate_overflow(void *data, void *old_val);
void __ubsan_handle_divrem_overflow(void *data, void *lhs, void *rhs);
void __ubsan_handle_shift_out_of_bounds(void *data, void *lhs, void *rhs);
void __ubsan_handle_out_of_bounds(void *data, void *index);
void __ubsan_handle_type_mismatch_v1(void *data, void *ptr);
void __ubsan_handle_builtin_unreachable(void *data);
void __ubsan_handle_vla_bound_not_positive(void *data, void *bound);
void __ubsan_handle_load_invalid_value(void *data, void *val);
void __ubsan_handle_nonnull_arg(void *data);
void __ubsan_handle_nonnull_return_v1(void *data, void *loc);
void __ubsan_handle_pointer_overflow(void *data, void *base, void *result);
void __ubsan_handle_invalid_builtin(void *data);

void __ubsan_handle_add_overflow(void *data, void *lhs, void *rhs)
{
	handle_overflow(data, lhs, rhs, '+');
}

void __ubsan_handle_sub_overflow(void *data, void *lhs, void *rhs)
{
	handle_overflow(data, lhs, rhs, '-');
}

void __ubsan_handle_mul_overflow(void *data, void *lhs, void *rhs)
{
	handle_overflow(data, lhs, rhs, '*');
}

void __ubsan_handle_negate_overflow(void *_data, void *old_val)
{
	struct overflow_data *data = _data;
	char v[VALUE_LENGTH];
	unsigned long flags;

	if (!report_begin(&data->location, "negation-overflow", &flags))
		return;
	format_value(v, sizeof(v), data->type, old_val);
	pr_err("negation of %s cannot be represented in type %s\n", v,
	       data->type->type_name);
	report_end(flags);
}

void __ubsan_handle_divrem_overflow(void *_data, void *lhs, void *rhs)
{
	struct overflow_data *data = _data;
	char l[VALUE_LENGTH];
	unsigned long flags;

	if (!report_begin(&data->location, "division-overflow", &flags))
		return;
	format_value(l, sizeof(l), data->type, lhs);
	if (type_is_signed(data->type) && get_signed_val(data->type, rhs) == -1)
		pr_err("division of %s by -1 cannot be represented in type %s\n",
		       l, data->type->type_name);
	else
		pr_err("division of %s by zero\n", l);
	report_end(flags);
}

void __ubsan_handle_shift_out_of_bounds(void *_data, void *lhs, void *rhs)
{
	struct shift_out_of_bounds_data *data = _data;
	struct type_descriptor *lt = data->lhs_type, *rt = data->rhs_type;
	char l[VALUE_LENGTH], r[VALUE_LENGTH];
	unsigned long flags;

	if (!report_begin(&data->location, "shift-out-of-bounds", &flags))
		return;
	format_value(l, sizeof(l), lt, lhs);
	format_value(r, sizeof(r), rt, rhs);
	if (val_is_negative(rt, rhs))
		pr_err("shift exponent %s is negative\n", r);
	else if (get_unsigned_val(rt, rhs) >= type_bit_width(lt))
		pr_err("shift exponent %s is too large for %u-bit type %s\n", r,
		       type_bit_width(lt), lt->type_name);
	else if (val_is_negative(lt, lhs))
		pr_err("left shift of negative value %s\n", l);
	else
		pr_err("left shift of %s by %s places cannot be represented in type %s\n",
		       l, r, lt->type_name);
	report_end(flags);
}

void __ubsan_handle_out_of_bounds(void *_data, void *index)
{
	struct out_of_bounds_data *data = _data;
	char i[VALUE_LENGTH];
	unsigned long flags;

	if (!report_begin(&data->location, "array-index-out-of-bounds", &flags))
		return;
	format_value(i, sizeof(i), data->index_type, index);
	pr_err("index %s is out of range for type %s\n", i, data->array_type->type_name);
	report_end(flags);
}

void __ubsan_handle_type_mismatch_v1(void *_data, void *ptr)
{
	struct type_mismatch_data_v1 *data = _data;
	unsigned long align = 1ul << data->log_alignment, flags;
	const char *what = data->type_check_kind < ARRAY_SIZE(type_check_kinds) ?
		type_check_kinds[data->type_check_kind] : "use of";

	if (!ptr) {
		if (!report_begin(&data->location, "null-ptr-deref", &flags))
			return;
		pr_err("%s null pointer of type %s\n", what, data->type->type_name);
	} else if (data->log_alignment && ((unsigned long)ptr & (align - 1))) {
		if (!report_begin(&data->location, "misaligned-access", &flags))
			return;
		pr_err("%s misaligned address %p for type %s, which requires %lu byte alignment\n",
		       what, ptr, data->type->type_name, align);
	} else {
		if (!report_begin(&data->location, "object-size-mismatch", &flags))
			return;
		pr_err("%s address %p with insufficient space for an object of type %s\n",
		       what, ptr, data->type->type_name);
	}
	report_end(flags);
}

/* Reaching __builtin_unreachable() cannot go on: there is no code after it. */
void __ubsan_handle_builtin_unreachable(void *_data)
{
	struct unreachable_data *data = _data;
	unsigned long flags;

	report_begin(&data->location, "unreachable", &flags);
	panic("UBSAN: __builtin_unreachable() reached at %s:%u",
	      data->location.file_name, data->location.line);
}

void __ubsan_handle_vla_bound_not_positive(void *_data, void *bound)
{
	struct vla_bound_data *data = _data;
	char b[VALUE_LENGTH];
	unsigned long flags;

	if (!report_begin(&data->location, "vla-bound-not-positive", &flags))
		return;
	format_value(b, sizeof(b), data->type, bound);
	pr_err("variable length array bound evaluates to non-positive value %s\n", b);
	report_end(flags);
}

/* A bool that is neither 0 nor 1, or an enum outside its values. */
void __ubsan_handle_load_invalid_value(void *_data, void *val)
{
	struct invalid_value_data *data = _data;
	char v[VALUE_LENGTH];
	unsigned long flags;

	if (!report_begin(&data->location, "invalid-load", &flags))
		return;
	format_value(v, sizeof(v), data->type, val);
	pr_err("load of value %s is not a valid value for type %s\n", v,
	       data->type->type_name);
	report_end(flags);
}

void __ubsan_handle_nonnull_arg(void *_data)
{
	struct nonnull_arg_data *data = _data;
	unsigned long flags;

	if (!report_begin(&data->location, "nonnull-attribute", &flags))
		return;
	pr_err("null pointer passed as argument %d, which is declared to never be null\n",
	       data->arg_index);
	report_end(flags);
}

void __ubsan_handle_nonnull_return_v1(void *_data, void *_loc)
{
	struct source_location *loc = _loc;
	unsigned long flags;

	if (!report_begin(loc, "returns-nonnull-attribute", &flags))
		return;
	pr_err("null pointer returned from a function declared to never return null\n");
	report_end(flags);
}

void __ubsan_handle_pointer_overflow(void *_data, void *base, void *result)
{
	struct pointer_overflow_data *data = _data;
	unsigned long flags;

	if (!report_begin(&data->location, "pointer-overflow", &flags))
		return;
	if (!base && !result)
		pr_err("applying zero offset to null pointer\n");
	else if (!base)
		pr_err("applying non-zero offset %p to null pointer\n", result);
	else
		pr_err("pointer arithmetic on %p overflowed to %p\n", base, result);
	report_end(flags);
}

void __ubsan_handle_invalid_builtin(void *_data)
{
	struct invalid_builtin_data *data = _data;
	unsigned long flags;

	if (!report_begin(&data->location, "invalid-builtin-use", &flags))
		return;
	pr_err("passing zero to %s, which is not a valid argument\n",
	       data->kind ? "clz()" : "ctz()");
	report_end(flags);
}

#endif /* CONFIG_UBSAN */
