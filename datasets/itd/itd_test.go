package itd

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"testing"

	"github.com/receptive-go/receptive/internal/refdata"
	"gonum.org/v1/gonum/floats/scalar"
)

// golden holds the original ITDDataset's values (testdata/gen_golden.py,
// numpy 1.24 and torch 1.13).
type golden struct {
	TestIPDHead    []float64 `json:"test_ipd_head"`
	TestPhi0       float64   `json:"test_phi0"`
	TestLabels     string    `json:"test_labels"`
	TestSHA        string    `json:"test_sha256_packbits"`
	TestCountsHead []int     `json:"test_counts_head"`
	TestDensity    float64   `json:"test_density"`
	TestFirstRows  [][]int   `json:"test_first_sample_first_rows"`
	LinspaceIPDs   []float64 `json:"linspace_ipds"`
	Rates1Phi0     float64   `json:"rates1_phi0"`
	Rates1Sum      float64   `json:"rates1_sum"`
	Rates1Samples  []float64 `json:"rates1_samples"`
	Rates2Phi0     float64   `json:"rates2_phi0"`
	Rates2Sum      float64   `json:"rates2_sum"`
	TrainPhi0      float64   `json:"train_phi0"`
	TrainSHA       string    `json:"train_sha256_packbits"`
	TrainCount     int       `json:"train_spike_count"`
	TrainIPDLast   float64   `json:"train_ipd_last"`
	TrainLabelsSHA string    `json:"train_labels_sha256"`
}

func loadGolden(t *testing.T) golden {
	t.Helper()
	var g golden
	refdata.JSON(t, "testdata/golden.json", &g)
	return g
}

// packbitsSHA hashes the spikes as numpy.packbits packs a C-order boolean
// array (sample, time, input), most significant bit first.
func packbitsSHA(d *Dataset) string {
	h := sha256.New()
	var buf []byte
	var cur byte
	nb := 0
	in := d.Inputs()
	for s := 0; s < d.Len(); s++ {
		for t := 0; t < d.NumSteps(); t++ {
			row := d.Row(s, t)
			for i := 0; i < in; i++ {
				cur <<= 1
				cur |= byte(row[i>>6] >> (uint(i) & 63) & 1)
				nb++
				if nb == 8 {
					buf = append(buf, cur)
					cur, nb = 0, 0
				}
			}
		}
		if len(buf) > 1<<16 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

func labelString(d *Dataset) string {
	b := make([]byte, d.Len())
	for i := range b {
		b[i] = "0123456789ab"[d.Label(i)]
	}
	return string(b)
}

func TestTestSetMatchesOriginal(t *testing.T) {
	g := loadGolden(t)
	d, err := New(32*128, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range g.TestIPDHead {
		if d.IPD[i] != want {
			t.Fatalf("IPD[%d] = %.17g, numpy gives %.17g", i, d.IPD[i], want)
		}
	}
	if d.Phi0 != g.TestPhi0 {
		t.Fatalf("phi0 = %.17g, numpy gives %.17g", d.Phi0, g.TestPhi0)
	}
	if got := labelString(d); got != g.TestLabels {
		t.Fatal("labels differ from the original's torch float32 discretise")
	}
	for j, want := range g.TestFirstRows {
		var got []int
		for i := 0; i < d.Inputs(); i++ {
			if d.Spike(0, j, i) {
				got = append(got, i)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("sample 0 step %d spikes at %v, numpy at %v", j, got, want)
		}
		for k := range got {
			if got[k] != want[k] {
				t.Fatalf("sample 0 step %d spikes at %v, numpy at %v", j, got, want)
			}
		}
	}
	for s, want := range g.TestCountsHead {
		dense, _ := d.Dense(s)
		var c float64
		for _, v := range dense {
			c += v
		}
		if int(c) != want {
			t.Fatalf("sample %d has %v spikes, numpy %d", s, c, want)
		}
	}
	// Every one of the 81 920 000 spike bits, through a hash.
	if got := packbitsSHA(d); got != g.TestSHA {
		t.Fatalf("spike array hash %s, numpy %s", got, g.TestSHA)
	}
	if dens := d.Density(); dens != g.TestDensity {
		t.Fatalf("density %v, numpy %v", dens, g.TestDensity)
	}

	// The two noise-free rate calls of the analysis continue the stream.
	r1, phi1, err := d.InputRates(g.LinspaceIPDs)
	if err != nil {
		t.Fatal(err)
	}
	if phi1 != g.Rates1Phi0 {
		t.Fatalf("first InputRates phi0 %.17g, numpy %.17g", phi1, g.Rates1Phi0)
	}
	idx := [][3]int{{0, 0, 0}, {3, 17, 150}, {11, 99, 199}, {6, 50, 42}}
	for k, ix := range idx {
		got := r1[(ix[0]*d.NumSteps()+ix[1])*d.Inputs()+ix[2]]
		// Same formula and order as numpy; libm sin/cos may differ by an ulp.
		if !scalar.EqualWithinAbsOrRel(got, g.Rates1Samples[k], 1e-15, 1e-14) {
			t.Errorf("rate%v = %.17g, numpy %.17g", ix, got, g.Rates1Samples[k])
		}
	}
	var sum float64
	for _, v := range r1 {
		sum += v
	}
	if !scalar.EqualWithinRel(sum, g.Rates1Sum, 1e-12) {
		t.Errorf("sum of rates %.17g, numpy %.17g", sum, g.Rates1Sum)
	}
	r2, phi2, _ := d.InputRates(g.LinspaceIPDs)
	sum = 0
	for _, v := range r2 {
		sum += v
	}
	if phi2 != g.Rates2Phi0 || !scalar.EqualWithinRel(sum, g.Rates2Sum, 1e-12) {
		t.Errorf("second call: phi0 %.17g sum %.17g; numpy %.17g, %.17g", phi2, sum, g.Rates2Phi0, g.Rates2Sum)
	}
}

func TestTrainSetMatchesOriginal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the 16 384-sample training set")
	}
	g := loadGolden(t)
	d, err := New(128*128, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if d.Phi0 != g.TrainPhi0 || d.IPD[d.Len()-1] != g.TrainIPDLast {
		t.Fatalf("phi0 %.17g, last IPD %.17g; numpy %.17g, %.17g", d.Phi0, d.IPD[d.Len()-1], g.TrainPhi0, g.TrainIPDLast)
	}
	ls := sha256.Sum256([]byte(labelString(d)))
	if hex.EncodeToString(ls[:]) != g.TrainLabelsSHA {
		t.Fatal("training labels differ from the original's")
	}
	if got := packbitsSHA(d); got != g.TrainSHA {
		t.Fatalf("training spike hash %s, numpy %s", got, g.TrainSHA)
	}
	// The shared seed makes the test IPDs the first training IPDs.
	test, _ := New(16, DefaultConfig())
	for i := range test.IPD {
		if test.IPD[i] != d.IPD[i] {
			t.Fatalf("test IPD %d differs from training IPD", i)
		}
	}
}

func TestDiscretiseContinuise(t *testing.T) {
	c := DefaultConfig()
	for k := 0; k < c.NumClasses; k++ {
		mid := c.Continuise(float64(k))
		if got := c.Discretise(mid); got != k {
			t.Errorf("Discretise(Continuise(%d)) = %d", k, got)
		}
	}
	if got := c.Discretise(-math.Pi / 2); got != 0 {
		t.Errorf("Discretise(-π/2) = %d, want 0", got)
	}
	if want := 15.0 / 2 * math.Pi / 180; !scalar.EqualWithinAbs(c.Continuise(6), want, 1e-15) {
		t.Errorf("Continuise(6) = %v, want 7.5° = %v", c.Continuise(6), want)
	}
}

func TestBadInput(t *testing.T) {
	if _, err := New(0, DefaultConfig()); err == nil {
		t.Error("empty data set accepted")
	}
	c := DefaultConfig()
	c.Dt = math.NaN()
	if _, err := New(4, c); err == nil {
		t.Error("NaN time step accepted")
	}
	c = DefaultConfig()
	c.AnfPerEar = 0
	if _, err := New(4, c); err == nil {
		t.Error("zero fibres accepted")
	}
	d, _ := New(2, DefaultConfig())
	if _, _, err := d.InputRates([]float64{math.Inf(1)}); err == nil {
		t.Error("infinite IPD accepted")
	}
	if _, err := d.Dense(2); err == nil {
		t.Error("sample out of range accepted")
	}
}

func TestOtherEnvelopePower(t *testing.T) {
	c := DefaultConfig()
	c.EnvelopePower = 4
	c.AnfPerEar = 10
	d, err := New(200, c)
	if err != nil {
		t.Fatal(err)
	}
	// Mean of R_max·dt·((1+sin θ)/2)^4 over a period is 0.6·35/128.
	want := 0.6 * 35.0 / 128
	if dens := d.Density(); math.Abs(dens-want) > 0.01 {
		t.Errorf("density %v, expected about %v (±0.01: 40 000 Bernoulli bins)", dens, want)
	}
}

func BenchmarkTestSet(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(32*128, DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}

// The original's two data sets: 16 384 training and 4 096 test samples.
func BenchmarkFullDataset(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(128*128, DefaultConfig()); err != nil {
			b.Fatal(err)
		}
		if _, err := New(32*128, DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}
