package lissom

import (
	"testing"

	"github.com/receptive-go/receptive/pkg/stimuli"
)

// benchForward times one full forward pass (ON and OFF LGN, afferent drive,
// nine settling steps) of the model of cfg on the notebook's stimulus.
func benchForward(b *testing.B, cfg Config) {
	m, err := NewLissomFromConfig(cfg)
	if err != nil {
		b.Fatal(err)
	}
	x, err := stimuli.OrientedGaussian(cfg.RetinaDensity, float64(cfg.RetinaDensity/2), float64(cfg.RetinaDensity/2), 2, 2, 0)
	if err != nil {
		b.Fatal(err)
	}
	y := make([]float64, m.OutFeatures())
	b.ResetTimer()
	for b.Loop() {
		if err := m.ForwardTo(y, x); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkForward36 is the notebook's model: retina, LGN and V1 36×36.
func BenchmarkForward36(b *testing.B) { benchForward(b, DefaultConfig()) }

// BenchmarkForward142 has V1 at the CMVC book's density, 142×142
// (retina and LGN 36×36; radii from the notebook's formulas: inhibitory
// 34.5, excitatory 14.2, afferent 9.5 in LGN units).
func BenchmarkForward142(b *testing.B) {
	c := DerivedConfig(36, 36, 142)
	c.Seed = 1
	benchForward(b, c)
}

// BenchmarkDenseInput36 is the inhibitory projection of the notebook's V1
// applied to an input with no zeros: the worst case of the sparse product.
func BenchmarkDenseInput36(b *testing.B) {
	c := DefaultConfig()
	inh, err := NewCortex(1296, 1296, c.Inhibitory.Radius, c.Inhibitory.Sigma, 3)
	if err != nil {
		b.Fatal(err)
	}
	x, y := make([]float64, 1296), make([]float64, 1296)
	for j := range x {
		x[j] = 0.5
	}
	for b.Loop() {
		inh.w.apply(y, x)
	}
}

// BenchmarkBuild36 times building the notebook's full model.
func BenchmarkBuild36(b *testing.B) {
	for b.Loop() {
		if _, err := NewLissomFromConfig(DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}
