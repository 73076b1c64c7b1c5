package gaussneuron

import (
	"errors"
	"math"
)

// RoundedLevels returns the contour levels and colour-bar ticks the original
// computes for the linear map: with m = max|z|, base = ⌊log10 m⌋ and
// M = 10^base·⌈m/10^base⌉, levels = arange(−M, M + 0.1, 10^(base−1)) and
// ticks = every fifth level. For the original's map m = 29, M = 30 and there
// are 61 levels from −30 to 30.
func RoundedLevels(z []float64) (levels, ticks []float64, err error) {
	m := 0.0
	for _, v := range z {
		if math.IsNaN(v) {
			return nil, nil, errors.New("gaussneuron: RoundedLevels: map contains NaN")
		}
		m = math.Max(m, math.Abs(v))
	}
	if m == 0 || math.IsInf(m, 0) {
		return nil, nil, errors.New("gaussneuron: RoundedLevels: map must have a finite non-zero maximum")
	}
	base := math.Floor(math.Log10(m))
	rounded := math.Pow(10, base) * math.Ceil(m/math.Pow(10, base))
	levels, err = Arange(-rounded, rounded+0.1, math.Pow(10, base-1))
	if err != nil {
		return nil, nil, err
	}
	return levels, Every(levels, 5), nil
}

// UnitLevels returns arange(−1, 1.1, 0.1), with the last level multiplied by
// 1.001 when inclusive is true — the original's fix so that values equal to
// 1 fall inside the top band rather than being left blank.
func UnitLevels(inclusive bool) []float64 {
	l, _ := Arange(-1, 1.1, 0.1) // constant arguments: cannot fail
	if inclusive {
		l[len(l)-1] *= 1.001
	}
	return l
}

// Every returns s[::k].
func Every(s []float64, k int) []float64 {
	var out []float64
	for i := 0; i < len(s); i += k {
		out = append(out, s[i])
	}
	return out
}

// Panel is one figure of the original: a map with its contour levels and colour-bar ticks.
type Panel struct {
	Name   string // short name, used for file names
	Title  string // what the map is
	Z      []float64
	Levels []float64
	Ticks  []float64
}

// Panels returns the six figures of the original in order, with the levels
// and ticks each cell of the original sets (including its inconsistencies:
// figure 3 has no 1.001 fix, figure 5 has ticks every 0.2).
func Panels(m Maps, sigma float64) ([]Panel, error) {
	linLevels, linTicks, err := RoundedLevels(m.Linear)
	if err != nil {
		return nil, err
	}
	incl := UnitLevels(true)
	plain := UnitLevels(false)
	prodLevels, err := Arange(-sigma, sigma+0.1, 0.1)
	if err != nil {
		return nil, err
	}
	prodTicks, err := Arange(-sigma, sigma+1, 0.5)
	if err != nil {
		return nil, err
	}
	tanhTicks, _ := Arange(-1, 1.1, 0.2) // constant arguments: cannot fail
	return []Panel{
		{"linear", "linear neuron a = W·x + b", m.Linear, linLevels, linTicks},
		{"tanh_linear", "tanh(a)", m.TanhLinear, incl, Every(incl, 5)},
		{"radial", "Gaussian r = exp(−‖x − c‖²/σ²)", m.Radial, plain, Every(plain, 5)},
		{"product", "localized Gaussian neuron a·r", m.Product, prodLevels, prodTicks},
		{"tanh_product", "tanh(a·r)", m.TanhProduct, incl, tanhTicks},
		{"tanh_linear_times_radial", "tanh(a)·r", m.TanhLinTimes, incl, Every(incl, 5)},
	}, nil
}
