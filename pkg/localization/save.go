package localization

import (
	"fmt"
	"os"
	"path/filepath"

	"codeberg.org/sbinet/npyio/npz"
	"gonum.org/v1/gonum/mat"
)

// Save writes the record of a run to path as a NumPy .npz archive, written
// to a temporary file and renamed into place. The arrays are named as the
// original's results/weights files: fc1_<step> (K×L weights after that
// step), b1_<step> (biases, if any), fc1_init, steps, loss, accuracy and
// interval; np.load(path)["fc1_1000"] reads them in Python.
func Save(path string, r *Result) (err error) {
	if r == nil || len(r.Weights) == 0 || len(r.Weights) != len(r.Steps) {
		return fmt.Errorf("localization: nothing to save (a result needs one snapshot per step)")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".nlgp-*.npz")
	if err != nil {
		return fmt.Errorf("localization: saving %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := npz.NewWriter(tmp)
	steps := make([]int64, len(r.Steps))
	for i, s := range r.Steps {
		steps[i] = int64(s)
		if err = w.Write(fmt.Sprintf("fc1_%d.npy", s), r.Weights[i]); err != nil {
			return err
		}
		if r.Biases != nil {
			if err = w.Write(fmt.Sprintf("b1_%d.npy", s), r.Biases[i]); err != nil {
				return err
			}
		}
	}
	for name, v := range map[string]any{
		"fc1_init": r.InitialW, "steps": steps, "loss": r.Loss, "accuracy": r.Accuracy,
		"interval": []int64{int64(r.Interval)},
	} {
		if err = w.Write(name+".npy", v); err != nil {
			return err
		}
	}
	if err = w.Close(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Load reads a run saved by Save.
func Load(path string) (*Result, error) {
	f, err := npz.Open(path)
	if err != nil {
		return nil, fmt.Errorf("localization: loading %s: %w", path, err)
	}
	defer f.Close()
	r := &Result{InitialW: &mat.Dense{}}
	var steps, interval []int64
	for name, ptr := range map[string]any{
		"fc1_init": r.InitialW, "steps": &steps, "loss": &r.Loss, "accuracy": &r.Accuracy, "interval": &interval,
	} {
		if err := f.Read(name+".npy", ptr); err != nil {
			return nil, fmt.Errorf("localization: %s: array %s: %w", path, name, err)
		}
	}
	if len(interval) != 1 || interval[0] <= 0 || len(steps) == 0 {
		return nil, fmt.Errorf("localization: %s: bad interval or steps", path)
	}
	r.Interval = int(interval[0])
	hasBias := false
	for _, k := range f.Keys() {
		if len(k) > 3 && k[:3] == "b1_" {
			hasBias = true
		}
	}
	for _, s := range steps {
		r.Steps = append(r.Steps, int(s))
		w := &mat.Dense{}
		if err := f.Read(fmt.Sprintf("fc1_%d.npy", s), w); err != nil {
			return nil, fmt.Errorf("localization: %s: snapshot %d: %w", path, s, err)
		}
		r.Weights = append(r.Weights, w)
		if hasBias {
			var b []float64
			if err := f.Read(fmt.Sprintf("b1_%d.npy", s), &b); err != nil {
				return nil, fmt.Errorf("localization: %s: bias %d: %w", path, s, err)
			}
			r.Biases = append(r.Biases, b)
		}
	}
	n := len(r.Loss)
	if n != len(r.Accuracy) || n < r.Steps[len(r.Steps)-1] {
		return nil, fmt.Errorf("localization: %s: %d losses and %d accuracies for %d steps", path, n, len(r.Accuracy), r.Steps[len(r.Steps)-1])
	}
	from := max(n-r.Interval, 0)
	for i := from; i < n; i++ {
		r.FinalLoss += r.Loss[i] / float64(n-from)
		r.FinalAcc += r.Accuracy[i] / float64(n-from)
	}
	return r, nil
}
