package itd

import (
	"errors"
	"fmt"
	"math"
	"math/bits"

	"github.com/receptive-go/receptive/pkg/nprand"
)

// Config holds the parameters of the data set; DefaultConfig gives the
// original's keyword defaults.
type Config struct {
	Dt            float64 // time step (s), 1 ms
	AnfPerEar     int     // fibres per ear, 100 (inputs = 2·AnfPerEar)
	EnvelopePower float64 // envelope exponent, 2
	RateMax       float64 // maximum firing rate (Hz), 600
	F             float64 // stimulus frequency (Hz), 50
	Duration      float64 // stimulus duration (s), 0.1
	NumClasses    int     // IPD classes, 180/15 = 12
	BatchSize     int     // batch size used by training and by the rate regulariser, 128
	Shuffle       bool    // shuffle samples every epoch, true
	Seed          uint32  // numpy seed, 32844534

	// Rand, if non-nil, supplies the draws instead of a generator seeded
	// with Seed (like the original with numpy_seed=None, which continues the
	// global stream).
	Rand *nprand.RandomState
}

// DefaultConfig returns the original's defaults.
func DefaultConfig() Config {
	return Config{
		Dt:            1e-3,
		AnfPerEar:     100,
		EnvelopePower: 2,
		RateMax:       600,
		F:             50,
		Duration:      0.1,
		NumClasses:    180 / 15,
		BatchSize:     128,
		Shuffle:       true,
		Seed:          32844534,
	}
}

// Steps is the number of time steps, round(Duration/Dt).
func (c Config) Steps() int { return int(math.Round(c.Duration / c.Dt)) }

// Inputs is the number of input fibres, 2·AnfPerEar.
func (c Config) Inputs() int { return 2 * c.AnfPerEar }

// Validate reports the first parameter that cannot make a data set.
func (c Config) Validate() error {
	bad := func(name string, v any, want string) error {
		return fmt.Errorf("itd: %s = %v, expected %s", name, v, want)
	}
	switch {
	case !(c.Dt > 0) || math.IsInf(c.Dt, 0):
		return bad("Dt", c.Dt, "a positive time step in seconds")
	case c.AnfPerEar < 1:
		return bad("AnfPerEar", c.AnfPerEar, "at least 1")
	case !(c.EnvelopePower > 0) || math.IsInf(c.EnvelopePower, 0):
		return bad("EnvelopePower", c.EnvelopePower, "a positive exponent")
	case !(c.RateMax >= 0) || math.IsInf(c.RateMax, 0):
		return bad("RateMax", c.RateMax, "a finite rate ≥ 0")
	case !(c.F > 0) || math.IsInf(c.F, 0):
		return bad("F", c.F, "a positive frequency")
	case !(c.Duration > 0) || math.IsInf(c.Duration, 0) || c.Steps() < 2:
		return bad("Duration", c.Duration, "at least two time steps")
	case c.NumClasses < 1:
		return bad("NumClasses", c.NumClasses, "at least 1")
	case c.BatchSize < 1:
		return bad("BatchSize", c.BatchSize, "at least 1")
	}
	return nil
}

// Discretise returns the class of an IPD (radians). Like the original, which
// applies it to a float32 torch tensor, it computes
// ⌊(ipd + π/2)·NumClasses/π⌋ in float32 arithmetic and truncates towards 0.
func (c Config) Discretise(ipd float64) int {
	x := float32(ipd) + float32(math.Pi/2)
	x *= float32(c.NumClasses)
	x /= float32(math.Pi)
	return int(x)
}

// Continuise returns the midpoint (radians) of class k:
// (k + 0.5)/NumClasses·π − π/2.
func (c Config) Continuise(k float64) float64 {
	return (k+0.5)/float64(c.NumClasses)*math.Pi - math.Pi/2
}

// Dataset is a set of IPDs and their input spike trains.
type Dataset struct {
	Config
	IPD  []float64 // true IPDs (radians), numpy's float64 values
	Phi0 float64   // the data set's phase offset φ0

	rng   *nprand.RandomState
	n     int
	steps int
	words int      // uint64 words per time step
	bits  []uint64 // n × steps × words
}

// New draws numSamples IPDs and their spike trains.
func New(numSamples int, cfg Config) (*Dataset, error) {
	if numSamples < 1 {
		return nil, fmt.Errorf("itd: %d samples requested, expected at least 1", numSamples)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	rng := cfg.Rand
	if rng == nil {
		rng = nprand.New(cfg.Seed)
	}
	cfg.Rand = nil
	d := &Dataset{
		Config: cfg,
		rng:    rng,
		n:      numSamples,
		steps:  cfg.Steps(),
		words:  (cfg.Inputs() + 63) / 64,
	}
	d.IPD = make([]float64, numSamples)
	for i := range d.IPD {
		d.IPD[i] = rng.Float64()*math.Pi - math.Pi/2
	}
	d.bits = make([]uint64, numSamples*d.steps*d.words)
	d.Phi0 = d.drawSpikes(d.IPD, d.bits)
	return d, nil
}

// Len is the number of samples.
func (d *Dataset) Len() int { return d.n }

// NumSteps is the number of time steps of a sample.
func (d *Dataset) NumSteps() int { return d.steps }

// NumInputs is the number of input fibres of a sample.
func (d *Dataset) NumInputs() int { return d.Inputs() }

// Row returns the spikes of one time step of one sample as a bit set: bit
// i%64 of word i/64 is set when input i spikes. The slice aliases the data
// set's storage; do not modify it.
func (d *Dataset) Row(sample, step int) []uint64 {
	o := (sample*d.steps + step) * d.words
	return d.bits[o : o+d.words : o+d.words]
}

// Spike reports whether input fibre i spikes at step t of a sample.
func (d *Dataset) Spike(sample, t, i int) bool {
	return d.Row(sample, t)[i>>6]>>(uint(i)&63)&1 == 1
}

// Label returns the class of a sample's IPD.
func (d *Dataset) Label(sample int) int { return d.Discretise(d.IPD[sample]) }

// Labels returns the classes of all samples.
func (d *Dataset) Labels() []int {
	l := make([]int, d.n)
	for i := range l {
		l[i] = d.Label(i)
	}
	return l
}

// Density is the fraction of (sample, step, input) bins holding a spike.
func (d *Dataset) Density() float64 {
	var c int
	for _, w := range d.bits {
		c += bits.OnesCount64(w)
	}
	return float64(c) / float64(d.n*d.steps*d.Inputs())
}

// Dense returns the spikes of one sample as a steps × inputs matrix of 0/1
// values in row-major order (the original's spikes[sample]).
func (d *Dataset) Dense(sample int) ([]float64, error) {
	if sample < 0 || sample >= d.n {
		return nil, fmt.Errorf("itd: sample %d out of range [0, %d)", sample, d.n)
	}
	in := d.Inputs()
	out := make([]float64, d.steps*in)
	for t := 0; t < d.steps; t++ {
		for i := 0; i < in; i++ {
			if d.Spike(sample, t, i) {
				out[t*in+i] = 1
			}
		}
	}
	return out, nil
}

// InputRates returns the noise-free spike probabilities of the original's
// input_signal(ipds, generate_spikes=False): a len(ipds) × steps × inputs
// array in row-major order. Like the original it draws a fresh phase offset
// φ0 from the data set's generator (returned too), so successive calls
// continue the stream exactly as successive calls in the original do.
func (d *Dataset) InputRates(ipds []float64) ([]float64, float64, error) {
	if len(ipds) == 0 {
		return nil, 0, errors.New("itd: InputRates needs at least one IPD")
	}
	for i, v := range ipds {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, 0, fmt.Errorf("itd: ipds[%d] = %v, expected a finite phase", i, v)
		}
	}
	phi0 := d.rng.Float64()
	g := newGeometry(d.Config, phi0)
	in, T := d.Inputs(), d.steps
	out := make([]float64, len(ipds)*T*in)
	for s, ipd := range ipds {
		for t := 0; t < T; t++ {
			row := out[(s*T+t)*in:]
			for j := 0; j < d.AnfPerEar; j++ {
				row[j] = g.exactRate(g.a[t*d.AnfPerEar+j])
				row[d.AnfPerEar+j] = g.exactRate(g.a[t*d.AnfPerEar+j] + ipd)
			}
		}
	}
	return out, phi0, nil
}
