# receptive — see README.md. `make run` reproduces the notebooks; `make test` checks everything.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(shell go env GOPATH 2>/dev/null || echo $(HOME)/go)/bin:$(PATH)

.PHONY: run test setup notebooks jupyter bench vet cli clean

## run: install what is missing, execute every notebook headlessly into build/ (notebooks + HTML)
run: setup
	scripts/run_notebooks.sh

## test: install what is missing, then go vet, go test (which executes every notebook through GoNB)
test: setup vet
	go test -timeout 40m ./...

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	go vet ./...

## setup: install Jupyter (Debian), the pinned GoNB kernel, goimports, gopls and the kernelspec
setup:
	scripts/setup.sh

## notebooks: re-execute the notebooks in place (refreshes the outputs committed in notebooks/)
notebooks: setup
	scripts/run_notebooks.sh --inplace

## jupyter: start the notebook UI on notebooks/
jupyter: setup
	cd notebooks && /usr/bin/python3 -m jupyter notebook --ip=0.0.0.0 --no-browser

## bench: Go benchmarks of every hot loop
bench:
	go test -run '^$$' -bench . -benchmem ./pkg/... ./plotting/...

## cli: build the command-line tool into build/receptive
cli:
	go build -o build/receptive ./cmd/receptive

clean:
	rm -rf build
