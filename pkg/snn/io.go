package snn

import (
	"fmt"
	"os"
	"path/filepath"

	"codeberg.org/sbinet/npyio/npz"
	"gonum.org/v1/gonum/mat"
)

// Save writes the network to an .npz file readable by numpy.load: arrays
// W_ih (inputs × hidden), W_ho (hidden × classes) and config
// [tau, dt, surrogate (0 sigmoid, 1 SuperSpike), beta, scale]. The file is
// written to a temporary name and renamed into place.
func (n *Net) Save(path string) error {
	if err := n.check(); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("snn: saving network: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := npz.NewWriter(tmp)
	cfg := []float64{n.Tau, n.Dt, float64(n.Surrogate), n.Beta, n.Scale}
	for _, kv := range []struct {
		name string
		v    any
	}{{"W_ih", n.WIH}, {"W_ho", n.WHO}, {"config", cfg}} {
		if err := w.Write(kv.name, kv.v); err != nil {
			tmp.Close()
			return fmt.Errorf("snn: saving %s: %w", kv.name, err)
		}
	}
	if err := w.Close(); err != nil {
		tmp.Close()
		return fmt.Errorf("snn: saving network: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("snn: saving network: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("snn: saving network: %w", err)
	}
	return nil
}

// Load reads a network written by Save.
func Load(path string) (*Net, error) {
	f, err := npz.Open(path)
	if err != nil {
		return nil, fmt.Errorf("snn: loading %s: %w", path, err)
	}
	defer f.Close()
	var wih, who mat.Dense
	var cfg []float64
	if err := f.Read("W_ih", &wih); err != nil {
		return nil, fmt.Errorf("snn: loading W_ih from %s: %w", path, err)
	}
	if err := f.Read("W_ho", &who); err != nil {
		return nil, fmt.Errorf("snn: loading W_ho from %s: %w", path, err)
	}
	if err := f.Read("config", &cfg); err != nil {
		return nil, fmt.Errorf("snn: loading config from %s: %w", path, err)
	}
	if len(cfg) != 5 {
		return nil, fmt.Errorf("snn: %s holds %d config values, expected 5 (tau, dt, surrogate, beta, scale)", path, len(cfg))
	}
	c := Config{Tau: cfg[0], Dt: cfg[1], Surrogate: Surrogate(cfg[2]), Beta: cfg[3], Scale: cfg[4]}
	n, err := FromWeights(&wih, &who, c)
	if err != nil {
		return nil, fmt.Errorf("snn: %s: %w", path, err)
	}
	return n, nil
}
