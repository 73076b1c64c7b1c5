package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"time"

	"github.com/receptive-go/receptive/datasets/mnist"
	"github.com/receptive-go/receptive/figures"
	"github.com/receptive-go/receptive/pkg/biolearn"
	"github.com/receptive-go/receptive/plotting"
	"github.com/receptive-go/receptive/plotting/notebook"
)

func init() {
	commands["biolearn"] = command{"003 Krotov–Hopfield competing hidden units by ODE: `biolearn train` (MNIST, weights .npz, figures, GIF) or `biolearn dynamics`", runBiolearn}
}

func runBiolearn(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: receptive biolearn train|dynamics -out DIR [flags]")
	}
	switch args[0] {
	case "train":
		return runBiolearnTrain(args[1:])
	case "dynamics":
		return runBiolearnDynamics(args[1:])
	}
	return fmt.Errorf("unknown biolearn command %q: expected train or dynamics", args[0])
}

type bioTrainReport struct {
	Params          string    `json:"params"`
	Seed            uint64    `json:"seed"`
	Presentations   int       `json:"presentations"`
	NonZeroPercent  float64   `json:"non_zero_deltas_percent"`
	OneSolveSeconds float64   `json:"one_solve_seconds"`
	TrainSeconds    float64   `json:"train_seconds"`
	OuterNFev       int       `json:"outer_nfev"`
	OuterSteps      int       `json:"outer_steps"`
	InnerNFev       int       `json:"inner_nfev"`
	FinalNorms      []float64 `json:"final_norms"`
	RowsOnSphere    int       `json:"rows_on_sphere"`
	MinWeight       float64   `json:"min_weight"`
	MaxWeight       float64   `json:"max_weight"`
	Labels          []int     `json:"labels_shown"`
}

func runBiolearnTrain(args []string) error {
	fs := flag.NewFlagSet("biolearn train", flag.ContinueOnError)
	out := fs.String("out", "", "directory for weights.npz, the figures (PNG), the animation (GIF) and report.json")
	seed := fs.Uint64("seed", 5, "seed of the initial weights and of the sequence of MNIST digits (5, as the notebook: all 15 units converge)")
	n := fs.Int("presentations", 300, "number of digits shown (the original: 300)")
	every := fs.Int("frame-every", 10, "keep a frame of the weight animation every this many presentations")
	paper := fs.Bool("paper-decay", false, "use the paper's decay term ⟨W,v⟩_μ W_μi instead of the original code's h_μ W_μi")
	winh := fs.Float64("w-inh", 15, "global inhibition w_inh")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	if *every <= 0 {
		return fmt.Errorf("-frame-every %d: expected a positive number", *every)
	}
	cfg := biolearn.DefaultTrainConfig()
	cfg.Presentations = *n
	if err := cfg.Validate(); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	data, err := mnist.Load()
	if err != nil {
		return err
	}
	src, err := mnist.NewSeededSampler(data, *seed)
	if err != nil {
		return err
	}
	p := biolearn.MNISTParams()
	p.WInh = *winh
	if *paper {
		p.Decay = biolearn.DecayCurrent
	}
	neurons, err := biolearn.New(p, rand.New(rand.NewPCG(*seed, 4)))
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, neurons.Params)
	rep := bioTrainReport{Params: neurons.Params.String(), Seed: *seed, Presentations: *n}

	// The original's two probes before training: the share of non-zero
	// weight changes and the time of one solve over [0, 5] (not kept).
	first, _, _ := src.Next()
	frac, err := neurons.NonZeroFraction(first)
	if err != nil {
		return err
	}
	rep.NonZeroPercent = 100 * frac
	fmt.Fprintf(os.Stderr, "Percentange of non-zero deltas: %.2f%%\n", rep.NonZeroPercent)
	probe, err := biolearn.FromWeights(neurons.Params, neurons.W)
	if err != nil {
		return err
	}
	t0 := time.Now()
	if _, err := probe.Present(ctx, first, 5); err != nil {
		return err
	}
	rep.OneSolveSeconds = time.Since(t0).Seconds()
	fmt.Fprintf(os.Stderr, "Wall time of one solve over [0, 5]: %v\n", time.Since(t0).Round(time.Microsecond))

	frames := [][]float64{slices.Clone(neurons.W)}
	bar := notebook.NewProgress("training", *n)
	t0 = time.Now()
	hist, err := biolearn.Train(ctx, neurons, src, cfg, func(s biolearn.Step) error {
		bar.Set(s.Index + 1)
		if (s.Index+1)%*every == 0 || s.Index+1 == s.Total {
			frames = append(frames, slices.Clone(s.W))
		}
		return nil
	})
	bar.Done()
	if err != nil {
		return err
	}
	rep.TrainSeconds = time.Since(t0).Seconds()
	st := neurons.Stats()
	rep.OuterNFev, rep.OuterSteps, rep.InnerNFev = st.OuterNFev, st.OuterSteps, st.InnerNFev
	rep.Labels = hist.Labels
	rep.FinalNorms = hist.Norms[len(hist.Norms)-1]
	for _, s := range rep.FinalNorms {
		if s > 0.99 && s < 1.02 {
			rep.RowsOnSphere++
		}
	}
	rep.MinWeight, rep.MaxWeight = slices.Min(neurons.W), slices.Max(neurons.W)

	if err := biolearn.Save(filepath.Join(*out, "weights.npz"), neurons, hist); err != nil {
		return err
	}
	fmt.Println(filepath.Join(*out, "weights.npz"))
	fig, err := figures.BioWeightGrid(neurons.W, p.OutputDim, mnist.Rows, mnist.Cols)
	if err != nil {
		return err
	}
	if err := savePNG(fig, *out, "weights.png"); err != nil {
		return err
	}
	if fig, err = figures.BioNormHistory(hist.Norms, 3); err != nil {
		return err
	}
	if err := savePNG(fig, *out, "norms.png"); err != nil {
		return err
	}
	gif, err := figures.BioWeightAnimation(frames, p.OutputDim, mnist.Rows, mnist.Cols, 2, 10)
	if err != nil {
		return err
	}
	if err := plotting.WriteFileAtomic(filepath.Join(*out, "weights.gif"), gif); err != nil {
		return err
	}
	fmt.Println(filepath.Join(*out, "weights.gif"))
	return writeJSON(*out, "report.json", rep)
}

func runBiolearnDynamics(args []string) error {
	fs := flag.NewFlagSet("biolearn dynamics", flag.ContinueOnError)
	out := fs.String("out", "", "directory for neuron_dynamics.png and activations.png")
	seed := fs.Uint64("seed", 1, "seed of the weights and the input")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(*seed, 2))
	p := biolearn.DefaultParams()
	p.OutputDim, p.WInh, p.HStar, p.P = 15, 0.3, 0.8, 2
	neurons, err := biolearn.New(p, rng)
	if err != nil {
		return err
	}
	x := []float64{rng.Float64(), rng.Float64()}
	c, err := neurons.CompareInhibition(x, biolearn.Linspace(0, 5, 100))
	if err != nil {
		return err
	}
	fig, err := figures.BioNeuronDynamics(c)
	if err != nil {
		return err
	}
	if err := savePNG(fig, *out, "neuron_dynamics.png"); err != nil {
		return err
	}
	q := biolearn.DefaultParams()
	q.OutputDim, q.WInh, q.P = 10, 0, 2
	ten, err := biolearn.New(q, rng)
	if err != nil {
		return err
	}
	tr, err := ten.Curves([]float64{rng.Float64(), rng.Float64()}, biolearn.Linspace(0, 5, 100))
	if err != nil {
		return err
	}
	if fig, err = figures.BioActivations(tr, "w_inh = 0.0, p = 2"); err != nil {
		return err
	}
	return savePNG(fig, *out, "activations.png")
}
