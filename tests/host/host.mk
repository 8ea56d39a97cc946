# tests/host/host.mk - the host unit tests and their sources, included by
# the Makefile: each test in HOST_TESTS is built from its <name>_SRCS with
# the host compiler, -DNEST_HOST, ASan and UBSan.
HOST_TESTS += test_buddy test_slab
test_buddy_SRCS := tests/host/test_buddy.c mm/page_alloc.c tests/host/shim.c
test_slab_SRCS := tests/host/test_slab.c mm/slab.c mm/slab_stats.c mm/slab_geometry.c mm/slab_debug.c mm/slab_common.c mm/page_alloc.c tests/host/shim.c
HOST_TESTS += test_slab_debug
test_slab_debug_SRCS := tests/host/test_slab_debug.c mm/slab.c mm/slab_stats.c mm/slab_geometry.c mm/slab_debug.c mm/slab_common.c mm/page_alloc.c tests/host/shim.c
HOST_TESTS += test_n_tty
test_n_tty_SRCS := tests/host/test_n_tty.c fs/n_tty.c
HOST_TESTS += test_initramfs
test_initramfs_SRCS := tests/host/test_initramfs.c fs/initramfs.c tests/host/shim.c mm/page_alloc.c
