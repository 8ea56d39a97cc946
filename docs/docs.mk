# docs/docs.mk - `make docs`: the architecture diagrams, docs/diagrams/*.dot
# (Graphviz sources), drawn as $(O)/docs/NAME.svg.  Included by the
# Makefile.
#
# Graphviz is optional (nothing else needs it, so it is not in
# tools/deps.txt): without `dot`, `make docs` says it is skipping the
# diagrams and why, and succeeds.  With it, a .dot file that does not parse
# fails the build and names the file.  Debian: apt install graphviz.
#
#   make docs            every diagram, redrawn when its .dot changes
#   make docs DOT=PATH   another Graphviz `dot`

DOT ?= dot
DOCS_DOT := $(sort $(wildcard docs/diagrams/*.dot))
DOCS_SVG := $(DOCS_DOT:docs/diagrams/%.dot=$(O)/docs/%.svg)
HAVE_DOT := $(shell command -v $(DOT) >/dev/null 2>&1 && echo yes)

.PHONY: docs
ifeq ($(HAVE_DOT),yes)
docs: $(DOCS_SVG)
	@echo "docs: $(words $(DOCS_SVG)) diagrams in $(O)/docs/ (from docs/diagrams/*.dot)"

# Through a temporary file, so a failed run leaves no half-written SVG.
$(O)/docs/%.svg: docs/diagrams/%.dot
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  DOT     $@")
	$(Q)$(DOT) -Tsvg $< -o $@.tmp || { rm -f $@.tmp; echo "docs: $< does not parse"; exit 1; }
	$(Q)mv $@.tmp $@
else
docs:
	@echo "docs: skipping the diagrams: '$(DOT)' (Graphviz) is not installed;" \
		"apt install graphviz, then make docs"
endif
