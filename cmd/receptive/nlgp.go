package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/receptive-go/receptive/datasets/nlgp"
	"github.com/receptive-go/receptive/figures"
	"github.com/receptive-go/receptive/pkg/localization"
	"github.com/receptive-go/receptive/plotting"
)

func init() {
	commands["nlgp"] = command{"004 localized receptive fields from NLGP data: train (weights .npz, figures, metrics) or sweep gain × ξ in parallel", runNLGP}
}

func runNLGP(args []string) error {
	if len(args) == 0 || (args[0] != "train" && args[0] != "sweep") {
		return errors.New("usage: receptive nlgp train|sweep -out DIR [flags] (receptive nlgp train -h for the flags)")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	if args[0] == "train" {
		err = nlgpTrain(ctx, args[1:])
	} else {
		err = nlgpSweep(ctx, args[1:])
	}
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

// nlgpFlags are the model, data and training flags shared by train and sweep.
type nlgpFlags struct {
	hidden, inputs, steps, batch, interval int
	xi1, xi2, gain, lr, threshold          float64
	act, init, variant                     string
	bias                                   bool
}

func (f *nlgpFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&f.hidden, "hidden", 100, "hidden units K")
	fs.IntVar(&f.inputs, "inputs", 40, "input positions L")
	fs.IntVar(&f.steps, "steps", 1000, "SGD steps (one fresh batch each)")
	fs.IntVar(&f.batch, "batch", 100, "batch size")
	fs.IntVar(&f.interval, "interval", 0, "steps between weight snapshots (0: min(500, max(steps/10, 1)))")
	fs.Float64Var(&f.xi1, "xi1", 4.47, "correlation length of the +1 class")
	fs.Float64Var(&f.xi2, "xi2", 0.1, "correlation length of the −1 class")
	fs.Float64Var(&f.gain, "gain", 100, "gain of the error function")
	fs.Float64Var(&f.lr, "lr", 1, "learning rate")
	fs.Float64Var(&f.threshold, "ipr", 0.1, "IPR above which a unit counts as localized")
	fs.StringVar(&f.act, "act", "tanh", "activation: tanh, sigmoid or relu")
	fs.StringVar(&f.init, "init", "torch", "initialisation: torch, lecun or xavier")
	fs.StringVar(&f.variant, "variant", "lufkin2023", "NLGP scaling: lufkin2023 (the seed's) or unit-variance (Ingrosso & Goldt)")
	fs.BoolVar(&f.bias, "bias", true, "trainable first-layer bias (without it the network stays at chance)")
}

func (f *nlgpFlags) build(gain, xi1, xi2 float64) (nlgp.Config, localization.Options, localization.Settings, error) {
	v, err := nlgp.ParseVariant(f.variant)
	if err != nil {
		return nlgp.Config{}, localization.Options{}, localization.Settings{}, err
	}
	act, err := localization.ParseActivation(f.act)
	if err != nil {
		return nlgp.Config{}, localization.Options{}, localization.Settings{}, err
	}
	in, err := localization.ParseInit(f.init)
	if err != nil {
		return nlgp.Config{}, localization.Options{}, localization.Settings{}, err
	}
	cfg := nlgp.Config{L: f.inputs, Xi1: xi1, Xi2: xi2, Gain: gain, ClassProportion: 0.5, Variant: v}
	opt := localization.Options{Hidden: f.hidden, Inputs: f.inputs, Act: act, Bias: f.bias, Init: in}
	set := localization.Settings{Steps: f.steps, BatchSize: f.batch, LR: f.lr, EvalInterval: f.interval}
	if math.IsNaN(f.threshold) || f.threshold <= 0 || f.threshold >= 1 {
		return cfg, opt, set, fmt.Errorf("-ipr must be in (0, 1), got %g", f.threshold)
	}
	return cfg, opt, set, cfg.Validate()
}

// nlgpRun trains one network and measures it on a held-out set.
type nlgpRun struct {
	net      *localization.Network
	res      *localization.Result
	testX    []float64
	testY    []float64
	testLoss float64
	testAcc  float64
}

func trainOne(ctx context.Context, cfg nlgp.Config, opt localization.Options, set localization.Settings, seed uint64, nTest int) (*nlgpRun, error) {
	sm, err := nlgp.NewSeeded(cfg, seed)
	if err != nil {
		return nil, err
	}
	net, err := localization.New(opt, rand.NewPCG(seed, 1))
	if err != nil {
		return nil, err
	}
	res, err := localization.Train(ctx, net, sm, set)
	if err != nil {
		return nil, err
	}
	r := &nlgpRun{net: net, res: res, testX: make([]float64, nTest*cfg.L), testY: make([]float64, nTest)}
	test, err := nlgp.NewSeeded(cfg, seed+1<<32)
	if err != nil {
		return nil, err
	}
	if err := test.Batch(r.testX, r.testY); err != nil {
		return nil, err
	}
	r.testLoss, r.testAcc, err = net.Evaluate(r.testX, r.testY, nil)
	return r, err
}

// unitStats summarises the localized units of w.
type unitStats struct {
	Share     float64 `json:"localized_share"`
	MeanIPR   float64 `json:"localized_mean_ipr"`
	MeanWidth float64 `json:"localized_mean_half_max_width"`
	Bumps     int     `json:"localized_bumps"`
	Dips      int     `json:"localized_dips"`
}

func summarise(r *nlgpRun, threshold float64) unitStats {
	w := r.net.W
	loc := localization.Localized(w, threshold)
	ipr := localization.IPR(w)
	width := localization.HalfMaxWidth(w)
	var s unitStats
	n := 0
	for k, l := range loc {
		if !l {
			continue
		}
		n++
		s.MeanIPR += ipr[k]
		s.MeanWidth += float64(width[k])
		row := w.RawRowView(k)
		peak := 0.0
		for _, v := range row {
			if math.Abs(v) > math.Abs(peak) {
				peak = v
			}
		}
		if peak > 0 {
			s.Bumps++
		} else {
			s.Dips++
		}
	}
	s.Share = localization.Share(loc)
	if n > 0 {
		s.MeanIPR /= float64(n)
		s.MeanWidth /= float64(n)
	}
	return s
}

type trainReport struct {
	Seed       uint64    `json:"seed"`
	Steps      []int     `json:"snapshot_steps"`
	TrainLoss  []float64 `json:"train_loss_per_interval"`
	TrainAcc   []float64 `json:"train_accuracy_per_interval"`
	TestLoss   float64   `json:"test_loss"`
	TestAcc    float64   `json:"test_accuracy"`
	TestN      int       `json:"test_examples"`
	Units      unitStats `json:"units"`
	WeightsNPZ string    `json:"weights_npz"`

	NoBiasTestAcc  *float64 `json:"no_bias_test_accuracy,omitempty"`
	NoBiasTestLoss *float64 `json:"no_bias_test_loss,omitempty"`
}

func nlgpTrain(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("nlgp train", flag.ContinueOnError)
	var f nlgpFlags
	f.register(fs)
	out := fs.String("out", "", "directory for weights.npz, metrics.json and the figures (PNG)")
	seed := fs.Uint64("seed", 0, "random seed (data and initial weights)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	cfg, opt, set, err := f.build(f.gain, f.xi1, f.xi2)
	if err != nil {
		return err
	}
	if opt.Hidden < 6 {
		return fmt.Errorf("-hidden: the figures show six units, need at least 6 hidden units, got %d", opt.Hidden)
	}
	set.Progress = func(done, total int) {
		if done%max(total/10, 1) == 0 || done == total {
			fmt.Fprintf(os.Stderr, "\rtraining: step %d/%d", done, total)
			if done == total {
				fmt.Fprintln(os.Stderr)
			}
		}
	}
	r, err := trainOne(ctx, cfg, opt, set, *seed, 2000)
	if err != nil {
		return err
	}
	npzPath := filepath.Join(*out, "weights.npz")
	if err := localization.Save(npzPath, r.res); err != nil {
		return err
	}
	rep := trainReport{Seed: *seed, Steps: r.res.Steps, TrainLoss: r.res.IntervalMeans(r.res.Loss),
		TrainAcc: r.res.IntervalMeans(r.res.Accuracy), TestLoss: r.testLoss, TestAcc: r.testAcc,
		TestN: len(r.testY), Units: summarise(r, f.threshold), WeightsNPZ: npzPath}
	if err := nlgpFigures(*out, r, f.threshold, opt.Act); err != nil {
		return err
	}
	if opt.Bias {
		// The seed's own network has no bias: train it beside for the
		// chance-level comparison.
		fmt.Fprintln(os.Stderr, "training the bias-free network for comparison")
		opt.Bias = false
		nb, err := trainOne(ctx, cfg, opt, set, *seed, 2000)
		if err != nil {
			return err
		}
		rep.NoBiasTestAcc, rep.NoBiasTestLoss = &nb.testAcc, &nb.testLoss
		fig, err := figures.BiasComparison(r.res, nb.res)
		if err != nil {
			return err
		}
		if err := savePNG(fig, *out, "10_bias_comparison.png"); err != nil {
			return err
		}
	}
	return writeJSON(*out, "metrics.json", rep)
}

// nlgpFigures writes the notebook's figures for a run.
func nlgpFigures(dir string, r *nlgpRun, threshold float64, act localization.Activation) error {
	res := r.res
	last := res.Weights[len(res.Weights)-1]
	loc := localization.Localized(last, threshold)
	six, err := localization.Exemplars(loc)
	if err != nil {
		// Too few localized (or other) units, as without bias: show the
		// four highest-IPR units in the localized places instead.
		ipr := localization.IPR(last)
		order := make([]int, len(ipr))
		for k := range order {
			order[k] = k
		}
		sort.SliceStable(order, func(a, b int) bool { return ipr[order[a]] > ipr[order[b]] })
		if len(order) < 6 {
			return fmt.Errorf("the figures need at least 6 hidden units, got %d", len(order))
		}
		n := len(order)
		six = []int{order[0], order[n-1], order[1], order[2], order[n-2], order[3]}
		fmt.Fprintf(os.Stderr, "note: %v; showing the highest- and lowest-IPR units instead\n", err)
	}
	figs := []struct {
		name string
		make func() (*plotting.Figure, error)
	}{
		{"1_receptive_fields", func() (*plotting.Figure, error) { return figures.RunReceptiveFields(res, 0) }},
		{"2_metrics", func() (*plotting.Figure, error) { return figures.RunMetrics(res) }},
		{"3_selected_fields", func() (*plotting.Figure, error) {
			return figures.SelectedFields(last, six, []int{0, 2, 3, 5}, []int{1, 4})
		}},
		{"4_fields_over_training", func() (*plotting.Figure, error) { return figures.FieldsOverTraining(res.Weights, six) }},
		{"5_units_per_snapshot", func() (*plotting.Figure, error) { return figures.UnitsPerSnapshot(res.Weights, six) }},
		{"6_magnitudes", func() (*plotting.Figure, error) { return figures.Magnitudes(res.Weights, res.Steps) }},
		{"7_preactivations_localized", func() (*plotting.Figure, error) {
			units := localization.Units(loc, true)
			if len(units) == 0 {
				return nil, nil // no localized unit to show
			}
			pre, err := r.net.Preactivations(r.testX[:200*last.RawMatrix().Cols])
			if err != nil {
				return nil, err
			}
			return figures.PreactivationHistograms(pre, units, r.testY[:200], "Pre-activation histograms for localized weights")
		}},
		{"8_preactivations_oscillatory", func() (*plotting.Figure, error) {
			units := localization.Units(loc, false)
			if len(units) == 0 {
				return nil, nil // no oscillatory unit to show
			}
			pre, err := r.net.Preactivations(r.testX[:200*last.RawMatrix().Cols])
			if err != nil {
				return nil, err
			}
			return figures.PreactivationHistograms(pre, units, r.testY[:200], "Pre-activation histograms for oscillatory weights")
		}},
		{"9_pruning", func() (*plotting.Figure, error) { return figures.Pruning(res, act, r.testX, r.testY, loc) }},
	}
	for _, fg := range figs {
		fig, err := fg.make()
		if err != nil {
			return fmt.Errorf("%s: %w", fg.name, err)
		}
		if fig == nil {
			fmt.Fprintf(os.Stderr, "note: %s skipped, no unit in that group\n", fg.name)
			continue
		}
		if err := savePNG(fig, dir, fg.name+".png"); err != nil {
			return err
		}
	}
	return nil
}

func parseFloats(s string) ([]float64, error) {
	var out []float64
	for _, p := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, fmt.Errorf("bad number %q in %q", p, s)
		}
		out = append(out, v)
	}
	return out, nil
}

func nlgpSweep(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("nlgp sweep", flag.ContinueOnError)
	var f nlgpFlags
	f.register(fs)
	out := fs.String("out", "", "directory for sweep.json and sweep.png")
	gains := fs.String("gains", "0.3,1,3,10,100", "comma-separated gains")
	xis := fs.String("xis", "4.47/0.1,2/0.1", "comma-separated ξ1/ξ2 pairs")
	seeds := fs.Int("seeds", 3, "seeds per setting")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel training runs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	if *seeds <= 0 || *workers <= 0 {
		return fmt.Errorf("-seeds and -workers must be positive, got %d and %d", *seeds, *workers)
	}
	gs, err := parseFloats(*gains)
	if err != nil {
		return err
	}
	var jobs []localization.Job
	var cfgs []nlgp.Config
	var runs []figures.SweepRun
	for _, pair := range strings.Split(*xis, ",") {
		xs, err := parseFloats(strings.ReplaceAll(pair, "/", ","))
		if err != nil || len(xs) != 2 {
			return fmt.Errorf("-xis: want ξ1/ξ2 pairs such as 4.47/0.1, got %q", pair)
		}
		for _, g := range gs {
			cfg, opt, set, err := f.build(g, xs[0], xs[1])
			if err != nil {
				return err
			}
			for s := uint64(0); s < uint64(*seeds); s++ {
				sm, err := nlgp.NewSeeded(cfg, s)
				if err != nil {
					return err
				}
				jobs = append(jobs, localization.Job{Options: opt, Settings: set, Seed: s, Source: sm})
				cfgs = append(cfgs, cfg)
				runs = append(runs, figures.SweepRun{Gain: g, Xi1: xs[0], Xi2: xs[1], Seed: s})
			}
		}
	}
	trained, err := localization.TrainMany(ctx, jobs, *workers, func(done, total int) {
		fmt.Fprintf(os.Stderr, "\rsweep: %d/%d runs", done, total)
	})
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return err
	}
	type record struct {
		figures.SweepRun
		Units unitStats `json:"units"`
	}
	var recs []record
	for i, tr := range trained {
		test, err := nlgp.NewSeeded(cfgs[i], runs[i].Seed+1<<32)
		if err != nil {
			return err
		}
		x, y := make([]float64, 2000*cfgs[i].L), make([]float64, 2000)
		if err := test.Batch(x, y); err != nil {
			return err
		}
		if _, runs[i].Accuracy, err = tr.Net.Evaluate(x, y, nil); err != nil {
			return err
		}
		u := summarise(&nlgpRun{net: tr.Net}, f.threshold)
		runs[i].Share = u.Share
		recs = append(recs, record{runs[i], u})
	}
	pts := figures.SweepSummary(runs)
	fig, err := figures.Sweep(pts)
	if err != nil {
		return err
	}
	if err := savePNG(fig, *out, "sweep.png"); err != nil {
		return err
	}
	return writeJSON(*out, "sweep.json", map[string]any{"runs": recs, "settings": pts})
}
