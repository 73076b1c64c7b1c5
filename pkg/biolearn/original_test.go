package biolearn

import (
	"fmt"
	"os"
	"path/filepath"

	"codeberg.org/sbinet/npyio"
)

// originalWeights is the original's converged weight matrix (15×784, from
// Einlar/QLS-Project's pickled bio_diffeq_converging). Its repository has no
// licence, so it is read from the shared data folder beside the repository
// and never copied into it.
var originalWeights = filepath.Join("..", "..", "..", "shared", "data", "biolearn", "bio_diffeq_converging_weights.npy")

// loadOriginal reads the original's weights; os.ErrNotExist when absent.
func loadOriginal() ([]float64, error) {
	f, err := os.Open(originalWeights)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var w []float64
	if err := npyio.Read(f, &w); err != nil {
		return nil, fmt.Errorf("reading %s: %w", originalWeights, err)
	}
	if len(w) != 15*784 {
		return nil, fmt.Errorf("%s holds %d values, expected 15×784", originalWeights, len(w))
	}
	return w, nil
}
