package lissom

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
)

// Config holds every parameter of a full LISSOM model. pylissom read them
// from an .ini file of formulas "akin to a model zoo"
// (pylissom/utils/config/modules_params.ini, sections [rlissom] and [lgn]);
// here a Config is plain data, DerivedConfig evaluates the same formulas for
// given densities, and LoadConfig reads JSON.
type Config struct {
	RetinaDensity   int `json:"retinal_density"`  // retina side
	LGNDensity      int `json:"lgn_density"`      // LGN side
	CorticalDensity int `json:"cortical_density"` // V1 side

	Afferent   FieldConfig `json:"afferent_module"`   // LGN → V1, radius in LGN units
	Excitatory FieldConfig `json:"excitatory_module"` // V1 → V1
	Inhibitory FieldConfig `json:"inhibitory_module"` // V1 → V1

	MinTheta           float64 `json:"min_theta"`
	MaxTheta           float64 `json:"max_theta"`
	SettlingSteps      int     `json:"settling_steps"`
	AfferentStrength   float64 `json:"afferent_strength"`
	ExcitatoryStrength float64 `json:"excitatory_strength"`
	InhibitoryStrength float64 `json:"inhibitory_strength"`

	LGN LGNConfig `json:"lgn"`

	// Seed of the three Cortex weight clouds (each derives its own).
	Seed uint64 `json:"seed"`
}

// FieldConfig is one cortical projection: circular radius and Gaussian width.
type FieldConfig struct {
	Radius float64 `json:"radius"`
	Sigma  float64 `json:"sigma"`
}

// LGNConfig is both LGN channels' parameters.
type LGNConfig struct {
	Radius        float64 `json:"radius"`
	SigmaCenter   float64 `json:"sigma_center"`
	SigmaSurround float64 `json:"sigma_surround"`
	MinTheta      float64 `json:"min_theta"`
	MaxTheta      float64 `json:"max_theta"`
	Strength      float64 `json:"strength"` // brightness scale of the retina
}

// DerivedConfig evaluates the parameter formulas of the original notebook
// (and of pylissom's modules_params.ini) for the given densities:
//
//	afferent radius  = lgn/4 + 0.5,     σ = radius/1.3
//	excitatory radius = cortical/10,    σ = 0.78·radius
//	inhibitory radius = cortical/4 − 1, σ = 2.08·radius
//	LGN σ_center = 0.5·(afferent radius/6.5)·retina/lgn, σ_surround = 4σ_center,
//	    radius = 4.7σ_surround, strength 2.33, thresholds 0 and 1
//	settling 9 steps, θ = 0.083 and 0.083 + 0.55, strengths 1.0, 0.9, 0.9.
func DerivedConfig(retina, lgn, cortical int) Config {
	rAff := float64(lgn)/4 + 0.5
	rExc := float64(cortical) / 10
	rInh := float64(cortical)/4 - 1
	scale := rAff / 6.5
	sc := 0.5 * scale * float64(retina) / float64(lgn)
	ss := 4 * sc
	minTheta := 0.083
	return Config{
		RetinaDensity: retina, LGNDensity: lgn, CorticalDensity: cortical,
		Afferent:   FieldConfig{Radius: rAff, Sigma: rAff / 1.3},
		Excitatory: FieldConfig{Radius: rExc, Sigma: 0.78 * rExc},
		Inhibitory: FieldConfig{Radius: rInh, Sigma: 2.08 * rInh},
		MinTheta:   minTheta, MaxTheta: minTheta + 0.55, SettlingSteps: 9,
		AfferentStrength: 1.0, ExcitatoryStrength: 0.9, InhibitoryStrength: 0.9,
		LGN: LGNConfig{Radius: 4.7 * ss, SigmaCenter: sc, SigmaSurround: ss, MinTheta: 0, MaxTheta: 1, Strength: 2.33 / 1},
	}
}

// DefaultConfig is the original notebook's model: retina, LGN and V1 all
// 36×36 (afferent radius 9.5, excitatory 3.6, inhibitory 8, LGN radius
// 13.74, θ = 0.083/0.633, LGN strength 2.33), seed 1.
func DefaultConfig() Config {
	c := DerivedConfig(36, 36, 36)
	c.Seed = 1
	return c
}

// LoadConfig reads a JSON config. Parameters not in the file take the values
// DerivedConfig gives for the file's densities (36 where a density is
// missing), so {"cortical_density": 142} is a complete model; unknown keys
// are errors.
func LoadConfig(path string) (Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("lissom: reading config: %w", err)
	}
	return ParseConfig(b)
}

// ParseConfig is LoadConfig for JSON already in memory.
func ParseConfig(data []byte) (Config, error) {
	var d struct {
		R *int `json:"retinal_density"`
		L *int `json:"lgn_density"`
		C *int `json:"cortical_density"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return Config{}, fmt.Errorf("lissom: config: %w", err)
	}
	get := func(p *int) int {
		if p == nil {
			return 36
		}
		return *p
	}
	c := DerivedConfig(get(d.R), get(d.L), get(d.C))
	c.Seed = 1
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Config{}, fmt.Errorf("lissom: config: %w", err)
	}
	return c, c.Validate()
}

// Validate reports the first parameter that cannot build a model.
func (c Config) Validate() error {
	for _, d := range []struct {
		name string
		v    int
	}{{"retinal_density", c.RetinaDensity}, {"lgn_density", c.LGNDensity}, {"cortical_density", c.CorticalDensity}} {
		if d.v <= 0 {
			return fmt.Errorf("lissom: config %s = %d, want > 0", d.name, d.v)
		}
	}
	for _, p := range []struct {
		name string
		v    float64
	}{
		{"afferent_module.radius", c.Afferent.Radius}, {"afferent_module.sigma", c.Afferent.Sigma},
		{"excitatory_module.radius", c.Excitatory.Radius}, {"excitatory_module.sigma", c.Excitatory.Sigma},
		{"inhibitory_module.radius", c.Inhibitory.Radius}, {"inhibitory_module.sigma", c.Inhibitory.Sigma},
		{"lgn.radius", c.LGN.Radius}, {"lgn.sigma_center", c.LGN.SigmaCenter}, {"lgn.sigma_surround", c.LGN.SigmaSurround},
	} {
		if !(p.v > 0) || math.IsInf(p.v, 0) {
			return fmt.Errorf("lissom: config %s = %v, want a finite value > 0", p.name, p.v)
		}
	}
	if c.SettlingSteps < 0 {
		return fmt.Errorf("lissom: config settling_steps = %d, want ≥ 0", c.SettlingSteps)
	}
	if err := (PiecewiseSigmoid{c.MinTheta, c.MaxTheta}).validate(); err != nil {
		return fmt.Errorf("lissom: config V1 thresholds: %w", err)
	}
	if err := (PiecewiseSigmoid{c.LGN.MinTheta, c.LGN.MaxTheta}).validate(); err != nil {
		return fmt.Errorf("lissom: config LGN thresholds: %w", err)
	}
	for _, v := range []float64{c.AfferentStrength, c.ExcitatoryStrength, c.InhibitoryStrength, c.LGN.Strength} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("lissom: config strength %v, want finite numbers", v)
		}
	}
	return nil
}

// NewReducedLissomFromConfig builds the V1 sheet of c, with Cortex weight
// clouds seeded from c.Seed. (The original notebook built its afferent
// Cortex with in = cortical² and its excitatory one with in = lgn², names
// swapped; that is harmless at equal densities and corrected here.)
func NewReducedLissomFromConfig(c Config) (*ReducedLissom, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	l, v := c.LGNDensity*c.LGNDensity, c.CorticalDensity*c.CorticalDensity
	aff, err := NewCortex(l, v, c.Afferent.Radius, c.Afferent.Sigma, mix64(c.Seed)+1)
	if err != nil {
		return nil, fmt.Errorf("afferent module: %w", err)
	}
	exc, err := NewCortex(v, v, c.Excitatory.Radius, c.Excitatory.Sigma, mix64(c.Seed)+2)
	if err != nil {
		return nil, fmt.Errorf("excitatory module: %w", err)
	}
	inh, err := NewCortex(v, v, c.Inhibitory.Radius, c.Inhibitory.Sigma, mix64(c.Seed)+3)
	if err != nil {
		return nil, fmt.Errorf("inhibitory module: %w", err)
	}
	return NewReducedLissom(aff, exc, inh, c.MinTheta, c.MaxTheta, c.SettlingSteps,
		c.AfferentStrength, c.ExcitatoryStrength, c.InhibitoryStrength)
}

// NewLGNFromConfig builds the ON (on = true) or OFF channel of c.
func NewLGNFromConfig(c Config, on bool) (*LGN, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	g := c.LGN
	return NewLGN(c.RetinaDensity*c.RetinaDensity, c.LGNDensity*c.LGNDensity, on, g.Radius,
		g.SigmaSurround, g.SigmaCenter, g.MinTheta, g.MaxTheta, g.Strength)
}

// NewLissomFromConfig builds the full model of c.
func NewLissomFromConfig(c Config) (*Lissom, error) {
	v1, err := NewReducedLissomFromConfig(c)
	if err != nil {
		return nil, err
	}
	on, err := NewLGNFromConfig(c, true)
	if err != nil {
		return nil, err
	}
	off, err := NewLGNFromConfig(c, false)
	if err != nil {
		return nil, err
	}
	return NewLissom(on, off, v1)
}
