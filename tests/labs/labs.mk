# tests/labs/labs.mk - the lab assignments (docs/labs/), included by the
# Makefile.  Each lab N is defined by tests/labs/labN.py; tools/lab.py makes
# its starter tree and checks it, tests/labs/grade.py grades it.
#
#   make grade LAB=N        build, then grade lab N: one line per test, and
#                           "Lab N: X/100 points" last.  GRADE_TIMEOUT_SCALE=3
#                           triples every timeout; transcripts stay in
#                           $(O)/grade/labN/.
#   make lab-starter LAB=N DIR=path
#                           write lab N's starter tree to path (new or empty)
#   make lab-check          what CI runs: every lab's starter builds, fails
#                           its lab's tests, and the full tree passes them
#   make initramfs          the initramfs alone (the graders need no ISO)

.PHONY: grade lab-starter lab-check initramfs
initramfs: $(INITRAMFS)

# Say so before building anything when LAB= is missing.
ifneq ($(filter grade,$(MAKECMDGOALS)),)
ifeq ($(LAB),)
$(error usage: make grade LAB=N (the labs: tools/lab.py list, docs/labs/README.md))
endif
endif

grade: $(KERNEL) $(INITRAMFS) user-tests
	$(Q)$(PYTHON) tests/labs/grade.py $(LAB) --build $(O)

lab-starter:
	@test -n "$(LAB)" -a -n "$(DIR)" || { echo "usage: make lab-starter LAB=N DIR=path"; exit 2; }
	$(Q)$(PYTHON) tools/lab.py starter $(LAB) $(DIR)

lab-check: $(KERNEL) $(INITRAMFS) user-tests
	$(Q)$(PYTHON) tools/lab.py check all --build $(O) $(LABCHECK_FLAGS)

# The marker rules and the lab definition checks are pure logic: a host
# test (TAP), run by tests/run.py with the others in $(O)/host/.
$(O)/host/test_lab_markers: tests/labs/test_markers.py tools/lab.py tests/labs/grade.py
	@mkdir -p $(dir $@)
	$(Q)printf '#!/bin/sh\nNEST_ROOT="%s" exec $(PYTHON) "%s/tests/labs/test_markers.py"\n' \
		"$(CURDIR)" "$(CURDIR)" > $@ && chmod +x $@
host-tests: $(O)/host/test_lab_markers
