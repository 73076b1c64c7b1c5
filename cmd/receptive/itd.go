package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/receptive-go/receptive/datasets/itd"
	"github.com/receptive-go/receptive/datasets/pretrained"
	"github.com/receptive-go/receptive/figures"
	"github.com/receptive-go/receptive/pkg/snn"
)

func init() {
	commands["itd"] = command{"002 spiking sound localisation: itd analyse|train|sweep (figures PNG, metrics JSON, networks .npz)", runITD}
}

func runITD(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: receptive itd analyse|train|sweep [flags]")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	switch args[0] {
	case "analyse", "analyze":
		return itdAnalyse(ctx, args[1:])
	case "train":
		return itdTrain(ctx, args[1:])
	case "sweep":
		return itdSweep(ctx, args[1:])
	}
	return fmt.Errorf("unknown itd subcommand %q, expected analyse, train or sweep", args[0])
}

// itdMetrics is the JSON summary of a network on the data sets.
type itdMetrics struct {
	Chance       string    `json:"chance"`
	Test         string    `json:"test"`
	Accuracy     float64   `json:"accuracy"`
	MAEDeg       float64   `json:"mae_deg"`
	HiddenRates  []float64 `json:"hidden_mean_rates_hz"`
	RickerRow    []float64 `json:"ricker_row_mean_popt,omitempty"`
	RickerMatrix []float64 `json:"ricker_matrix_popt,omitempty"`
	Gaussian     []float64 `json:"gaussian_tuning_popt,omitempty"`
	LossHistory  []float64 `json:"loss_history,omitempty"`
	TrainSeconds float64   `json:"train_seconds,omitempty"`
}

func loadNet(path string) (*snn.Net, error) {
	if path == "" {
		p, err := pretrained.ITD()
		if err != nil {
			return nil, err
		}
		cfg := snn.DefaultConfig()
		cfg.Tau, cfg.Dt = p.Tau, p.Dt
		return snn.FromWeights(p.WIH, p.WHO, cfg)
	}
	return snn.Load(path)
}

// analyse evaluates net on the seeded test set, writes figures 1–18 and
// metrics.json to out.
func analyse(ctx context.Context, net *snn.Net, out string, extra itdMetrics) error {
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		return err
	}
	ev, err := net.Evaluate(ctx, test, snn.EvalOptions{Record: 8})
	if err != nil {
		return err
	}
	a, err := snn.Analyse(ev, test.Labels(), test.Duration, "Test")
	if err != nil {
		return err
	}
	chance := fmt.Sprintf("Chance accuracy level: %.1f%%", 100/float64(test.NumClasses))
	fmt.Fprintln(os.Stderr, chance)
	fmt.Fprintln(os.Stderr, a.Text())
	m := extra
	sol, err := snn.Understand(net, a, test.InputRates, test.NumSteps(), test.F*test.Dt)
	if err != nil {
		// A network trained briefly may defeat the fits; keep what can be drawn.
		fmt.Fprintf(os.Stderr, "warning: %v; writing figures 1–8 only\n", err)
		figs, ferr := figures.SNNBasicFigures(test, test.IPD, a, net.WIH, net.WHO, test.Dt, test.Duration)
		if ferr != nil {
			return ferr
		}
		if err := saveAll(figs, out); err != nil {
			return err
		}
	} else {
		figs, err := figures.SNNAnalysisFigures(test, test.IPD, a, sol, test.Dt, test.Duration)
		if err != nil {
			return err
		}
		if err := saveAll(figs, out); err != nil {
			return err
		}
		m.RickerRow, m.RickerMatrix, m.Gaussian = sol.RowFit.P, sol.MatrixFit.P, sol.GaussFit.P
	}
	m.Chance, m.Test, m.Accuracy, m.MAEDeg = chance, a.Text(), a.Accuracy, a.MAEDeg
	m.HiddenRates = a.MeanHiddenRates()
	return writeJSON(out, "metrics.json", m)
}

func saveAll(figs []figures.NamedFigure, out string) error {
	for _, f := range figs {
		if err := savePNG(f.Fig, out, f.Name+".png"); err != nil {
			return err
		}
	}
	return nil
}

func itdAnalyse(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("itd analyse", flag.ContinueOnError)
	out := fs.String("out", "", "directory for the figures (PNG) and metrics.json")
	weights := fs.String("net", "", "network .npz written by `itd train` (default: the published network)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	net, err := loadNet(*weights)
	if err != nil {
		return err
	}
	return analyse(ctx, net, *out, itdMetrics{})
}

func itdTrain(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("itd train", flag.ContinueOnError)
	out := fs.String("out", "", "directory for net.npz, the loss curve, figures and metrics.json")
	epochs := fs.Int("epochs", 10, "training epochs (the original's quick run: 10; the paper: 100)")
	lr := fs.Float64("lr", 0.01, "Adam learning rate (the paper: 0.001)")
	tau := fs.Float64("tau", 2, "membrane time constant τ in ms")
	hidden := fs.Int("hidden", 8, "hidden units")
	seed := fs.Uint64("seed", 1, "seed of the weight initialisation and shuffling")
	samples := fs.Int("samples", 128*128, "training samples")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	train, err := itd.New(*samples, itd.DefaultConfig())
	if err != nil {
		return err
	}
	cfg := snn.DefaultConfig()
	cfg.Tau, cfg.NumHidden = *tau*1e-3, *hidden
	net, err := snn.New(cfg, rand.NewPCG(*seed, 42))
	if err != nil {
		return err
	}
	tc := snn.DefaultTrainConfig()
	tc.Epochs, tc.LR, tc.Seed = *epochs, *lr, *seed
	start := time.Now()
	tc.Progress = func(epoch, batch, batches int, loss float64) {
		fmt.Fprintf(os.Stderr, "\repoch %d/%d batch %3d/%d loss %.4f", epoch+1, *epochs, batch+1, batches, loss)
		if batch == batches-1 {
			fmt.Fprintln(os.Stderr)
		}
	}
	res, err := net.Train(ctx, train, tc)
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	if err := net.Save(filepath.Join(*out, "net.npz")); err != nil {
		return err
	}
	f, err := figures.SNNLoss(res.LossHistory)
	if err != nil {
		return err
	}
	if err := savePNG(f, *out, "00_loss.png"); err != nil {
		return err
	}
	return analyse(ctx, net, *out, itdMetrics{LossHistory: res.LossHistory, TrainSeconds: secs})
}

func itdSweep(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("itd sweep", flag.ContinueOnError)
	out := fs.String("out", "", "directory for the sweep figures and metrics.json")
	taus := fs.String("taus", "1,2,5,10,15,20,25,30", "membrane time constants in ms, comma-separated")
	epochs := fs.Int("epochs", 10, "training epochs per network")
	hidden := fs.Int("hidden", 30, "hidden units")
	samples := fs.Int("samples", 128*128, "training samples")
	cache := fs.String("cache", "", "directory caching trained networks (default OUT/cache)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	var tauList []float64
	for _, s := range strings.Split(*taus, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || !(v > 0) {
			return fmt.Errorf("-taus: %q is not a positive number of ms", s)
		}
		tauList = append(tauList, v)
	}
	if *cache == "" {
		*cache = filepath.Join(*out, "cache")
	}
	train, err := itd.New(*samples, itd.DefaultConfig())
	if err != nil {
		return err
	}
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		return err
	}
	sc := snn.DefaultSweepConfig()
	sc.TausMS, sc.NumHidden, sc.Train.Epochs, sc.CacheDir = tauList, *hidden, *epochs, *cache
	sc.Progress = func(done, total int) { fmt.Fprintf(os.Stderr, "\rsweep: %d/%d epochs", done, total) }
	res, err := snn.Sweep(ctx, train, snn.DefaultConfig(), sc)
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return err
	}
	runs, err := snn.AnalyseSweep(ctx, res, train, test, test.Duration)
	if err != nil {
		return err
	}
	type row struct {
		TauMS                  float64
		Train, Test            string
		TrainAccuracy, TestAcc float64
	}
	var rows []row
	for _, r := range runs {
		fmt.Fprintf(os.Stderr, "tau=%g ms\n%s\n%s\n", r.TauMS, r.Train.Text(), r.Test.Text())
		rows = append(rows, row{r.TauMS, r.Train.Text(), r.Test.Text(), r.Train.Accuracy, r.Test.Accuracy})
	}
	figs, err := figures.SNNSweepFigures(runs)
	if err != nil {
		return err
	}
	if err := saveAll(figs, *out); err != nil {
		return err
	}
	return writeJSON(*out, "metrics.json", rows)
}
