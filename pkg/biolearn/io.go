package biolearn

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"codeberg.org/sbinet/npyio/npz"
	"gonum.org/v1/gonum/mat"
)

// Save writes the neurons to a NumPy .npz archive: "weights" (output_dim ×
// input_dim), "params" (input_dim, output_dim, w_inh, delta, h_star, tau,
// tau_L, lebesgue_p, decay) and, if h is not nil, "norms" (presentations ×
// output_dim) and "times". The file is written to a temporary name and
// renamed into place.
func Save(path string, n *Neurons, h *History) error {
	if n == nil {
		return errors.New("biolearn: Save of nil neurons")
	}
	vs := map[string]any{
		"weights": mat.NewDense(n.OutputDim, n.InputDim, append([]float64(nil), n.W...)),
		"params":  paramVector(n.Params),
	}
	if h != nil && len(h.Norms) > 0 {
		flat := make([]float64, 0, len(h.Norms)*n.OutputDim)
		for _, r := range h.Norms {
			flat = append(flat, r...)
		}
		vs["norms"] = mat.NewDense(len(h.Norms), n.OutputDim, flat)
		vs["times"] = append([]float64(nil), h.Times...)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".biolearn-*.npz")
	if err != nil {
		return fmt.Errorf("biolearn: saving: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	w := npz.NewWriter(f)
	for _, k := range []string{"weights", "params", "norms", "times"} {
		if v, ok := vs[k]; ok {
			if err := w.Write(k+".npy", v); err != nil {
				f.Close()
				return fmt.Errorf("biolearn: saving %s: %w", k, err)
			}
		}
	}
	if err := w.Close(); err != nil {
		f.Close()
		return fmt.Errorf("biolearn: saving: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("biolearn: saving: %w", err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("biolearn: saving: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("biolearn: saving: %w", err)
	}
	return nil
}

func paramVector(p Params) []float64 {
	return []float64{float64(p.InputDim), float64(p.OutputDim), p.WInh, p.Delta, p.HStar, p.Tau, p.TauL, p.P, float64(p.Decay)}
}

// Load reads neurons saved by Save; the norm history is returned when the
// file has one (else nil).
func Load(path string) (*Neurons, *History, error) {
	r, err := npz.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("biolearn: loading %s: %w", path, err)
	}
	defer r.Close()
	var pv []float64
	if err := r.Read("params.npy", &pv); err != nil {
		return nil, nil, fmt.Errorf("biolearn: %s: params: %w", path, err)
	}
	if len(pv) != 9 {
		return nil, nil, fmt.Errorf("biolearn: %s: %d parameters, expected 9", path, len(pv))
	}
	p := Params{InputDim: int(pv[0]), OutputDim: int(pv[1]), WInh: pv[2], Delta: pv[3], HStar: pv[4], Tau: pv[5], TauL: pv[6], P: pv[7], Decay: Decay(pv[8])}
	var w mat.Dense
	if err := r.Read("weights.npy", &w); err != nil {
		return nil, nil, fmt.Errorf("biolearn: %s: weights: %w", path, err)
	}
	rows, cols := w.Dims()
	if rows != p.OutputDim || cols != p.InputDim {
		return nil, nil, fmt.Errorf("biolearn: %s: weights of shape %d×%d, parameters say %d×%d", path, rows, cols, p.OutputDim, p.InputDim)
	}
	n, err := FromWeights(p, w.RawMatrix().Data)
	if err != nil {
		return nil, nil, err
	}
	var h *History
	if r.Header("norms.npy") != nil {
		var nm mat.Dense
		if err := r.Read("norms.npy", &nm); err != nil {
			return nil, nil, fmt.Errorf("biolearn: %s: norms: %w", path, err)
		}
		h = &History{}
		nr, _ := nm.Dims()
		for i := 0; i < nr; i++ {
			h.Norms = append(h.Norms, mat.Row(nil, i, &nm))
		}
		if err := r.Read("times.npy", &h.Times); err != nil {
			return nil, nil, fmt.Errorf("biolearn: %s: times: %w", path, err)
		}
	}
	return n, h, nil
}
