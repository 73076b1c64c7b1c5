// Package pretrained ships the weights published with the original
// notebooks, embedded in the binary, with their provenance (README.md) and
// licence notices.
//
// ITD returns the trained spiking network of notebook 02
// (comob-project/snn-sound-localization,
// research/saved_trained_models/itdnet-for-paper.pt; MIT licence,
// Copyright (c) 2022 comob-project, see LICENSE-itd).
package pretrained

import (
	"bytes"
	"embed"
	"fmt"

	"codeberg.org/sbinet/npyio"
	"gonum.org/v1/gonum/mat"
)

//go:embed itd/*.npy
var files embed.FS

// ITDNet describes the published sound-localisation network.
type ITDNet struct {
	WIH *mat.Dense // input→hidden weights, 200×8, stored (in, out)
	WHO *mat.Dense // hidden→output weights, 8×12
	Tau float64    // membrane time constant (s), 2 ms
	Dt  float64    // time step (s), 1 ms
}

// ITD loads the published network's weights (float32 in the files,
// converted exactly to float64).
func ITD() (*ITDNet, error) {
	wih, err := load("itd/itdnet-for-paper_W_ih.npy", 200, 8)
	if err != nil {
		return nil, err
	}
	who, err := load("itd/itdnet-for-paper_W_ho.npy", 8, 12)
	if err != nil {
		return nil, err
	}
	return &ITDNet{WIH: wih, WHO: who, Tau: 2e-3, Dt: 1e-3}, nil
}

func load(name string, r, c int) (*mat.Dense, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("pretrained: %w", err)
	}
	rd, err := npyio.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("pretrained: reading %s: %w", name, err)
	}
	if sh := rd.Header.Descr.Shape; len(sh) != 2 || sh[0] != r || sh[1] != c || rd.Header.Descr.Fortran {
		return nil, fmt.Errorf("pretrained: %s has shape %v, expected C-order (%d, %d)", name, sh, r, c)
	}
	var v []float32
	if err := rd.Read(&v); err != nil {
		return nil, fmt.Errorf("pretrained: reading %s: %w", name, err)
	}
	data := make([]float64, len(v))
	for i, x := range v {
		data[i] = float64(x)
	}
	m := mat.NewDense(r, c, data)
	return m, nil
}
