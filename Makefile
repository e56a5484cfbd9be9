# Everyday targets. `make help` lists them.
GO      ?= go
BIN     ?= bin/geokg
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse --short HEAD 2>/dev/null)
LDFLAGS := -X github.com/geokg/geokg/internal/cli.version=$(VERSION) -X github.com/geokg/geokg/internal/cli.commit=$(COMMIT)

.PHONY: help build demo test test-unit test-stop vet fmt fmt-check eval eval-all bench fuzz officials train train-attribution lexicon-cameo neo4j-start neo4j-stop neo4j-status clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

build: ## build bin/geokg
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/geokg

demo: build ## the main job: start the local Neo4j, apply the schema, ingest seeds/articles, check health
	scripts/demo

test: ## the whole test suite, on a Neo4j of its own (.neo4j/test, ports 7688/7475; never NEO4J_URI)
	scripts/test

test-unit: ## unit tests only (integration tests skip without GEOKG_TEST_NEO4J_URI)
	env -u GEOKG_TEST_NEO4J_URI $(GO) test ./...

test-stop: ## stop the tests' Neo4j that 'make test' started
	scripts/test --server stop

vet: ## go vet
	$(GO) vet ./...

fmt: ## gofmt the tree
	gofmt -w $$(git ls-files '*.go')

fmt-check: ## fail when a file is not gofmt-ed
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "not gofmt-ed:"; echo "$$out"; exit 1; fi

eval: build ## score the extractor on the seed article (must stay >= 0.85)
	scripts/eval

eval-all: build ## score the extractor on every development set in ../shared/eval
	scripts/eval --all

TRAIN ?= ../shared/train

train: ## retrain the name tagger (extract/ner/model.bin) from $(TRAIN)/conll2003/eng.train
	$(GO) run ./extract/ner/internal/train -conll $(TRAIN)/conll2003/eng.train -out extract/ner/model.bin

POLNEAR ?= $(TRAIN)/polnear
train-attribution: ## refit the attribution model of extract/quotes on the PolNeAR training split (POLNEAR=dir)
	$(GO) run ./extract/quotes/internal/train -polnear $(POLNEAR) -out extract/quotes/attribution.weights

bench: ## extraction benchmarks on one core
	$(GO) test -run '^$$' -bench . -benchmem -cpu 1 ./extract/...

fuzz: ## run each fuzz target of the extractor for 20s
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 20s $$pkg || exit 1; \
	  done; \
	done

PETRARCH ?= $(TRAIN)/petrarch2
officials: ## regenerate seeds/officials/officials.tsv.gz from the PETRARCH2 dictionaries (PETRARCH=dir)
	$(GO) run ./seeds/scripts/gen-officials -petrarch $(PETRARCH) -out seeds/officials/officials.tsv.gz

neo4j-start: ## start the local Neo4j (Maven Central jars, Java 17)
	scripts/neo4j start

neo4j-stop: ## stop the local Neo4j
	scripts/neo4j stop

neo4j-status: ## is the local Neo4j running?
	scripts/neo4j status

clean: ## remove build output (the Neo4j cache in .neo4j/ stays)
	rm -rf bin dist

CAMEO_DICT ?= ../shared/train/petrarch2/CAMEO.2.0.txt

lexicon-cameo: ## regenerate seeds/lexicon/events_cameo.tsv from the PETRARCH2 CAMEO verb dictionary
	$(GO) run ./extract/events/internal/cameo -in $(CAMEO_DICT) -out seeds/lexicon/events_cameo.tsv
