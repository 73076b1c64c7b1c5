package snn

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"codeberg.org/sbinet/npyio"
	"gonum.org/v1/gonum/mat"
)

// SweepConfig describes the original's τ sweep: one network per membrane
// time constant, trained and analysed on the same data.
type SweepConfig struct {
	TausMS    []float64   // time constants in ms; the original: 1, 2, 5, 10, 15, 20, 25, 30
	NumHidden int         // 30 in the original's sweep
	Train     TrainConfig // Epochs 10, LR 0.01 in the original
	Seed      uint64      // weight initialisation seed (run i uses Seed + i)
	Parallel  int         // networks trained at once; 0 means GOMAXPROCS
	// CacheDir, if not empty, keeps each trained network and its loss
	// history (itdnet_tau_{τ}_epochs_{E}_hidden_{H}_classes_{C}.npz and
	// …_loss.npy, the original's names) and reuses them on later runs.
	CacheDir string
	// Progress, if non-nil, is called (from one goroutine at a time) with
	// the number of finished epochs over all networks (loaded networks
	// count all their epochs) and the total.
	Progress func(done, total int)
}

// DefaultSweepConfig returns the original's sweep settings.
func DefaultSweepConfig() SweepConfig {
	tc := DefaultTrainConfig()
	return SweepConfig{TausMS: []float64{1, 2, 5, 10, 15, 20, 25, 30}, NumHidden: 30, Train: tc, Seed: 1}
}

// SweepResult is one network of the sweep.
type SweepResult struct {
	TauMS       float64
	Net         *Net
	LossHistory []float64
	Loaded      bool // taken from the cache
}

// Sweep trains (or loads) one network per τ, several at once, each with a
// single worker. Networks have base's inputs and classes.
func Sweep(ctx context.Context, data Labelled, base Config, cfg SweepConfig) ([]SweepResult, error) {
	if len(cfg.TausMS) == 0 {
		return nil, fmt.Errorf("snn: sweep needs at least one τ")
	}
	if cfg.NumHidden < 1 {
		return nil, fmt.Errorf("snn: sweep NumHidden = %d, expected ≥ 1", cfg.NumHidden)
	}
	if cfg.CacheDir != "" {
		if err := os.MkdirAll(cfg.CacheDir, 0o755); err != nil {
			return nil, fmt.Errorf("snn: sweep cache: %w", err)
		}
	}
	par := cfg.Parallel
	if par <= 0 {
		par = runtime.GOMAXPROCS(0)
	}
	results := make([]SweepResult, len(cfg.TausMS))
	errs := make([]error, len(cfg.TausMS))
	total := cfg.Train.Epochs * len(cfg.TausMS)
	var mu sync.Mutex
	done := 0
	report := func(n int) {
		mu.Lock()
		defer mu.Unlock()
		done += n
		if cfg.Progress != nil {
			cfg.Progress(done, total)
		}
	}
	sem := make(chan struct{}, par)
	var wg sync.WaitGroup
	for i, tau := range cfg.TausMS {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i], errs[i] = sweepOne(ctx, data, base, cfg, i, tau, report)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return results, err
		}
	}
	return results, nil
}

func sweepOne(ctx context.Context, data Labelled, base Config, cfg SweepConfig, i int, tau float64, report func(int)) (SweepResult, error) {
	c := base
	c.NumHidden = cfg.NumHidden
	c.Tau = tau * 1e-3
	r := SweepResult{TauMS: tau}
	var name string
	if cfg.CacheDir != "" {
		name = filepath.Join(cfg.CacheDir, fmt.Sprintf("itdnet_tau_%g_epochs_%d_hidden_%d_classes_%d", tau, cfg.Train.Epochs, c.NumHidden, c.NumClasses))
		if n, err := Load(name + ".npz"); err == nil {
			if loss, err := loadLoss(name + "_loss.npy"); err == nil && n.NumHidden == c.NumHidden && n.Tau == c.Tau {
				report(cfg.Train.Epochs)
				return SweepResult{TauMS: tau, Net: n, LossHistory: loss, Loaded: true}, nil
			}
		}
	}
	n, err := New(c, rand.NewPCG(cfg.Seed+uint64(i), 0x7a7))
	if err != nil {
		return r, err
	}
	tc := cfg.Train
	tc.Workers = 1
	tc.Seed = cfg.Seed + uint64(i)
	tc.Progress = func(epoch, batch, batches int, loss float64) {
		if batch == batches-1 {
			report(1)
		}
	}
	res, err := n.Train(ctx, data, tc)
	if err != nil {
		return r, fmt.Errorf("snn: sweep τ = %g ms: %w", tau, err)
	}
	r.Net, r.LossHistory = n, res.LossHistory
	if name != "" {
		if err := n.Save(name + ".npz"); err != nil {
			return r, err
		}
		if err := saveLoss(name+"_loss.npy", res.LossHistory); err != nil {
			return r, err
		}
	}
	return r, nil
}

func saveLoss(path string, loss []float64) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("snn: saving loss history: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := npyio.Write(tmp, loss); err != nil {
		tmp.Close()
		return fmt.Errorf("snn: saving loss history: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func loadLoss(path string) ([]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var v []float64
	if err := npyio.Read(f, &v); err != nil {
		return nil, fmt.Errorf("snn: reading %s: %w", path, err)
	}
	return v, nil
}

// WeightsCopy returns copies of the network's weights.
func (n *Net) WeightsCopy() (wih, who *mat.Dense) {
	return mat.DenseCopyOf(n.WIH), mat.DenseCopyOf(n.WHO)
}

// SweepAnalysis is a sweep network analysed on the training and test sets.
type SweepAnalysis struct {
	SweepResult
	Train, Test *Analysis
}

// AnalyseSweep evaluates every network of a sweep on train and test, as
// the original's AnalysisResults(net, train_data, 'Train') and (…, 'Test').
func AnalyseSweep(ctx context.Context, res []SweepResult, train, test Labelled, duration float64) ([]SweepAnalysis, error) {
	labels := func(x Labelled) []int {
		l := make([]int, x.Len())
		for i := range l {
			l[i] = x.Label(i)
		}
		return l
	}
	lt, ls := labels(train), labels(test)
	out := make([]SweepAnalysis, len(res))
	for i, r := range res {
		if r.Net == nil {
			return nil, fmt.Errorf("snn: sweep network τ = %g ms missing", r.TauMS)
		}
		out[i].SweepResult = r
		for _, d := range []struct {
			x    Labelled
			l    []int
			name string
			into **Analysis
		}{{train, lt, "Train", &out[i].Train}, {test, ls, "Test", &out[i].Test}} {
			ev, err := r.Net.Evaluate(ctx, d.x, EvalOptions{})
			if err != nil {
				return nil, err
			}
			if *d.into, err = Analyse(ev, d.l, duration, d.name); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
