/*
 * fs/iov_iter.c - copying between a file and the buffer of a read or write,
 * as Linux's lib/iov_iter.c.
 *
 * A struct iov_iter describes that buffer as a list of segments in user
 * memory (read, write, readv, writev) or in kernel memory (kernel_read for
 * exec, the in-kernel tests).  File code calls copy_to_iter() and
 * copy_from_iter() and gets back how many bytes moved: fewer than asked
 * means a bad user pointer, and the caller returns what it moved so far or
 * -EFAULT, as Linux does.  Called by every read_iter/write_iter in fs/.
 */
#include <nest/fs.h>
#include <nest/uaccess.h>
#include <nest/string.h>
#include <nest/slab.h>
#include <nest/errno.h>

/*
 * iov_iter_init - describe @nr_segs user buffers @iov holding @count bytes.
 * The caller has checked each with access_ok().  @iov must stay valid for
 * as long as @i is used.
 */
void iov_iter_init(struct iov_iter *i, const struct iovec *iov,
		   unsigned long nr_segs, size_t count)
{
	i->iter_type = ITER_IOVEC;
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

/* iov_iter_kvec - the same for kernel buffers. */
void iov_iter_kvec(struct iov_iter *i, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count)
{
	i->iter_type = ITER_KVEC;
	i->kvec = kvec;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

/* The current segment's base and length, whichever kind it is. */
static void cur_seg(const struct iov_iter *i, char **base, size_t *len)
{
	if (i->iter_type == ITER_KVEC) {
		*base = i->kvec->iov_base;
		*len = i->kvec->iov_len;
	} else {
		*base = (char *)i->iov->iov_base;
		*len = i->iov->iov_len;
	}
}

/* Consume @n bytes of the current segment, stepping to the next at its end. */
static void advance(struct iov_iter *i, size_t n, size_t seg_len)
{
	i->iov_offset += n;
	i->count -= n;
	if (i->iov_offset == seg_len) {
		i->iov_offset = 0;
		i->nr_segs--;
		if (i->iter_type == ITER_KVEC)
			i->kvec++;
		else
			i->iov++;
	}
}

/*
 * The one copy loop behind the three helpers.  @to_iter: copy from @buf
 * into the iterator's buffer (a read); else from it into @buf (a write).
 * @buf NULL with @to_iter writes zeros.  Returns the bytes copied; a user
 * fault ends the copy early, at the fault.
 */
static size_t iterate(void *buf, size_t bytes, struct iov_iter *i, bool to_iter)
{
	static const char zeros[64];
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes) {
		char *base;
		size_t seg_len, n, left;

		cur_seg(i, &base, &seg_len);
		n = min(seg_len - i->iov_offset, bytes - done);
		if (!n) {		/* an empty segment */
			advance(i, 0, seg_len);
			continue;
		}
		if (!buf)
			n = min(n, sizeof(zeros));
		base += i->iov_offset;
		if (i->iter_type == ITER_KVEC) {
			if (to_iter)
				memcpy(base, buf ? (char *)buf + done : zeros, n);
			else
				memcpy((char *)buf + done, base, n);
			left = 0;
		} else if (to_iter) {
			left = copy_to_user((void __user *)base,
					    buf ? (char *)buf + done : zeros, n);
		} else {
			left = copy_from_user((char *)buf + done,
					      (const void __user *)base, n);
		}
		advance(i, n - left, seg_len);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

/*
 * copy_to_iter - copy @bytes from kernel memory @addr into the buffer.
 * Returns the bytes copied: fewer than @bytes if the buffer is shorter or
 * a user page is bad.  May sleep (user memory).
 */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return iterate((void *)addr, bytes, i, true);
}

/* copy_from_iter - copy @bytes out of the buffer into @addr; as above. */
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return iterate(addr, bytes, i, false);
}

/* iov_iter_zero - store @bytes zeros into the buffer (/dev/zero, holes). */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iterate(NULL, bytes, i, true);
}

/*
 * import_iovec - readv()/writev(): copy the user's array of @nr_segs
 * iovecs and describe them in @i.  Uses @fast (UIO_FASTIOV entries) when
 * the array fits, else a kmalloc'd copy left in *@iovp for the caller to
 * kfree() (*@iovp is NULL when @fast was used).  As Linux's
 * import_iovec(): the total is clamped to MAX_RW_COUNT.
 * Returns the byte count, or -EINVAL (more than UIO_MAXIOV segments, a
 * length that is negative as ssize_t), -EFAULT (bad array or segment),
 * -ENOMEM.
 */
ssize_t import_iovec(const struct iovec __user *uvec, unsigned long nr_segs,
		     struct iovec *fast, struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov = fast;
	size_t total = 0;
	unsigned long seg;
	ssize_t ret;

	*iovp = NULL;
	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > UIO_FASTIOV) {
		iov = kmalloc(nr_segs * sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
	}
	ret = -EFAULT;
	if (nr_segs && copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		goto out_free;
	for (seg = 0; seg < nr_segs; seg++) {
		size_t len = iov[seg].iov_len;

		ret = -EINVAL;
		if ((ssize_t)len < 0)
			goto out_free;
		ret = -EFAULT;
		if (!access_ok(iov[seg].iov_base, len))
			goto out_free;
		if (len > MAX_RW_COUNT - total) {
			len = MAX_RW_COUNT - total;
			iov[seg].iov_len = len;
		}
		total += len;
	}
	iov_iter_init(i, iov, nr_segs, total);
	if (iov != fast)
		*iovp = iov;
	return total;

out_free:
	if (iov != fast)
		kfree(iov);
	return ret;
}
