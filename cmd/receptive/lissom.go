package main

import (
	"flag"
	"fmt"

	"github.com/receptive-go/receptive/figures"
	"github.com/receptive-go/receptive/pkg/lissom"
	"github.com/receptive-go/receptive/pkg/stimuli"
	"github.com/receptive-go/receptive/plotting"
)

func init() {
	commands["lissom"] = command{"001 LISSOM weights and activations: the notebook's figures (PNG), reprs and activity (JSON)", runLissom}
}

type lissomReport struct {
	Config         lissom.Config        `json:"config"`
	ReducedLissom  string               `json:"reduced_lissom_repr"`
	Lissom         string               `json:"lissom_repr"`
	Connections    map[string]int       `json:"connections"`
	V1ActiveDirect int                  `json:"v1_active_neurons_reduced_lissom"`
	V1ActiveFull   int                  `json:"v1_active_neurons_lissom"`
	Modules        []lissomModuleReport `json:"lissom_modules"`
}

type lissomModuleReport struct {
	Name      string  `json:"name"`
	InputMax  float64 `json:"input_max"`
	OutputMax float64 `json:"output_max"`
	Active    int     `json:"active_outputs"`
}

func runLissom(args []string) error {
	fs := flag.NewFlagSet("lissom", flag.ContinueOnError)
	out := fs.String("out", "", "directory for the figures (PNG) and report.json")
	cfgPath := fs.String("config", "", "JSON model config (default: the notebook's 36×36 model)")
	seed := fs.Uint64("seed", 1, "seed of the Cortex weight clouds (when given, overrides the config's)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := outDir(*out); err != nil {
		return err
	}
	cfg := lissom.DefaultConfig()
	if *cfgPath != "" {
		var err error
		if cfg, err = lissom.LoadConfig(*cfgPath); err != nil {
			return err
		}
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "seed" {
			cfg.Seed = *seed
		}
	})
	n := 0
	// save(name)(fig, err) writes the next figure as NN_name.png.
	save := func(name string) func(*plotting.Figure, error) error {
		return func(fig *plotting.Figure, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			n++
			return savePNG(fig, *out, fmt.Sprintf("%02d_%s.png", n, name))
		}
	}

	// Weights of the four linear kinds (25² → 5², 24² → 5² for the unnormalised DoG).
	cortex, err := lissom.NewCortex(25*25, 5*5, 5, 5, cfg.Seed)
	if err != nil {
		return err
	}
	cloud, err := lissom.NewGaussianCloudLinear(25*25, 5*5, 5, cfg.Seed+1)
	if err != nil {
		return err
	}
	dog, err := lissom.NewDifferenceOfGaussians(25*25, 5*5, false, 5, 5, 1)
	if err != nil {
		return err
	}
	unnorm, err := lissom.NewUnnormalizedDifferenceOfGaussians(24*24, 5*5, false, 5, 1)
	if err != nil {
		return err
	}
	for _, w := range []struct {
		name     string
		l        *lissom.Linear
		useRange bool
	}{{"cortex_weights", cortex, false}, {"gaussian_cloud_weights", cloud, true},
		{"dog_weights", dog, true}, {"unnormalized_dog_weights", unnorm, true}} {
		if err := save(w.name)(figures.LissomWeights(w.l, w.useRange)); err != nil {
			return err
		}
	}

	// LGN demo: ON with the derived sigmas minus OFF with σs 5, σc 2, × 2.33.
	side := cfg.RetinaDensity
	ret := side * side
	lgnSide := cfg.LGNDensity
	onTest, err := lissom.NewLGN(ret, lgnSide*lgnSide, true, cfg.LGN.Radius, cfg.LGN.SigmaSurround, cfg.LGN.SigmaCenter, 0, 1, 1)
	if err != nil {
		return err
	}
	offTest, err := lissom.NewLGN(ret, lgnSide*lgnSide, false, cfg.LGN.Radius, 5, 2, 0, 1, 1)
	if err != nil {
		return err
	}
	c := float64(side / 2)
	gauss3, err := stimuli.OrientedGaussian(side, c, c, 3, 3, 0)
	if err != nil {
		return err
	}
	if err := save("lgn_input")(figures.LissomMatrix(gauss3, side, 0, 1, "")); err != nil {
		return err
	}
	a, err := onTest.Forward(gauss3)
	if err != nil {
		return err
	}
	b, err := offTest.Forward(gauss3)
	if err != nil {
		return err
	}
	for k := range a {
		a[k] = (a[k] - b[k]) * 2.33
	}
	if err := save("lgn_on_minus_off")(figures.LissomMatrix(a, lgnSide, -0.5, 0.5, "")); err != nil {
		return err
	}

	// V1 alone (ReducedLissom) on the σ = 2 stimulus × 2.33, then its modules.
	model, err := lissom.NewLissomFromConfig(cfg)
	if err != nil {
		return err
	}
	rep := lissomReport{Config: cfg, ReducedLissom: model.V1.String(), Lissom: model.String(), Connections: map[string]int{
		"afferent": model.V1.Afferent.Weights().Connections(), "excitatory": model.V1.Excitatory.Weights().Connections(),
		"inhibitory": model.V1.Inhibitory.Weights().Connections(), "lgn_on": model.On.DoG.Weights().Connections(),
		"lgn_off": model.Off.DoG.Weights().Connections()}}
	gauss2, err := stimuli.OrientedGaussian(side, c, c, 2, 2, 0)
	if err != nil {
		return err
	}
	if err := save("v1_input")(figures.LissomMatrix(gauss2, side, 0, 1, "")); err != nil {
		return err
	}
	scaled := make([]float64, len(gauss2))
	for k, v := range gauss2 {
		scaled[k] = v * 2.33
	}
	lissom.Record(model.V1)
	v1, err := model.V1.Forward(scaled)
	if err != nil {
		return fmt.Errorf("ReducedLissom on the retina: %w (it needs retinal_density == lgn_density)", err)
	}
	rep.V1ActiveDirect = countPositive(v1)
	vSide := cfg.CorticalDensity
	if err := save("v1_activation")(figures.LissomMatrix(v1, vSide, 0, 1, "")); err != nil {
		return err
	}
	figs, err := figures.LissomActivations(lissom.Activations(model.V1, "v1"))
	if err != nil {
		return err
	}
	for k, f := range figs {
		if err := save(fmt.Sprintf("v1_module_%d", k+1))(f, nil); err != nil {
			return err
		}
	}
	lissom.StopRecording(model.V1)

	// The full model, and every module's input and activation.
	if err := save("lissom_input")(figures.LissomMatrix(gauss2, side, 0, 1, "")); err != nil {
		return err
	}
	lissom.Record(model)
	y, err := model.Forward(gauss2)
	if err != nil {
		return err
	}
	rep.V1ActiveFull = countPositive(y)
	if err := save("lissom_activation")(figures.LissomMatrix(y, vSide, 0, 1, "")); err != nil {
		return err
	}
	recs := lissom.Activations(model, "lissom")
	figs, err = figures.LissomActivations(recs)
	if err != nil {
		return err
	}
	for k, f := range figs {
		if err := save(fmt.Sprintf("lissom_module_%d", k+1))(f, nil); err != nil {
			return err
		}
	}
	for _, r := range recs {
		rep.Modules = append(rep.Modules, lissomModuleReport{Name: r.Name, InputMax: maxOf(r.Input), OutputMax: maxOf(r.Output), Active: countPositive(r.Output)})
	}
	return writeJSON(*out, "report.json", rep)
}

func countPositive(v []float64) int {
	n := 0
	for _, x := range v {
		if x > 0 {
			n++
		}
	}
	return n
}

func maxOf(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = max(m, x)
	}
	return m
}
