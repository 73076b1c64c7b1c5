package biolearn

import (
	"context"
	"errors"
	"io/fs"
	"math"
	"math/rand/v2"
	"sort"
	"sync"
	"testing"

	"github.com/receptive-go/receptive/datasets/mnist"
)

var (
	mnistOnce sync.Once
	mnistData *mnist.Dataset
	mnistErr  error
)

func loadMNIST(tb testing.TB) *mnist.Dataset {
	tb.Helper()
	mnistOnce.Do(func() { mnistData, mnistErr = mnist.Load() })
	if mnistErr != nil {
		tb.Fatal(mnistErr)
	}
	return mnistData
}

// trainMNIST runs the original's 300-presentation training from seed.
func trainMNIST(tb testing.TB, p Params, seed uint64) (*Neurons, *History) {
	tb.Helper()
	d := loadMNIST(tb)
	src, err := mnist.NewSeededSampler(d, seed)
	if err != nil {
		tb.Fatal(err)
	}
	n, err := New(p, rand.New(rand.NewPCG(seed, 4)))
	if err != nil {
		tb.Fatal(err)
	}
	h, err := Train(context.Background(), n, src, DefaultTrainConfig(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	return n, h
}

func cosine(a, b []float64) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += a[i] * b[i]
		aa += a[i] * a[i]
		bb += b[i] * b[i]
	}
	return ab / math.Sqrt(aa*bb)
}

// classMeans are the mean images of the ten digits over all of MNIST.
func classMeans(d *mnist.Dataset) [10][]float64 {
	var m [10][]float64
	for k := range m {
		m[k] = make([]float64, mnist.Pixels)
	}
	for i := 0; i < d.Len(); i++ {
		for j, b := range d.Raw(i) {
			m[d.Label(i)][j] += float64(b)
		}
	}
	return m
}

// prototypeScores is, for each row, the best cosine with a digit's mean.
func prototypeScores(w []float64, means [10][]float64) []float64 {
	rows := len(w) / mnist.Pixels
	out := make([]float64, rows)
	for mu := range out {
		for _, m := range means {
			out[mu] = math.Max(out[mu], cosine(w[mu*mnist.Pixels:(mu+1)*mnist.Pixels], m))
		}
	}
	return out
}

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// onSphere lists the rows with Σ|W|^p inside [lo, hi].
func onSphere(norms []float64, lo, hi float64) []int {
	var rows []int
	for mu, s := range norms {
		if s >= lo && s <= hi {
			rows = append(rows, mu)
		}
	}
	return rows
}

// TestTrainingConverges trains as the original (300 presentations, p = 2,
// w_inh = 15, seed 1) and checks the converged state.
//
//   - At least 11 of the 15 rows lie on the unit p-sphere up to the 5τ
//     settling of the activations: Σ W² ∈ [1.004, 1.012]. The original's
//     saved rows all have 1.006–1.009; with the code's h_μ decay the fixed
//     point is ≈ I/h ≈ 1/(1 − e^(−5)) = 1.0068 (package documentation). In
//     300 presentations a unit that never wins keeps its random weights:
//     over 40 seeds (weights PCG(s, 4), digits NewSeededSampler(s)) all 15
//     rows converged in 7 runs, 14 in 11, 13 in 12, 12 in 8 and 11 in 2;
//     seed 1 here gives 12. The original's saved run converged all 15.
//   - The converged rows are essentially non-negative: their negative part
//     holds less than 0.1 % of Σ|W| (the original: minimum −2.7e−7).
//   - They are digit prototypes: each one's best cosine similarity with the
//     mean image of one digit is ≥ 0.55 and their mean ≥ 0.7 (the original's
//     weights score 0.62 at worst, 0.79 on average; seed 1 here 0.63, 0.84).
func TestTrainingConverges(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on MNIST (about 1 s)")
	}
	n, h := trainMNIST(t, MNISTParams(), 1)
	norms := h.Norms[len(h.Norms)-1]
	rows := onSphere(norms, 1.004, 1.012)
	if len(rows) < 11 {
		t.Fatalf("%d rows on the sphere (Σ W² = %.4f), want ≥ 11", len(rows), norms)
	}
	var neg, tot float64
	conv := make([]float64, 0, len(rows)*n.InputDim)
	for _, mu := range rows {
		conv = append(conv, n.Row(mu)...)
	}
	for _, w := range conv {
		tot += math.Abs(w)
		if w < 0 {
			neg -= w
		}
	}
	if neg/tot > 1e-3 {
		t.Errorf("negative weights hold %.3g of Σ|W| in the converged rows, want < 1e-3", neg/tot)
	}
	sc := prototypeScores(conv, classMeans(loadMNIST(t)))
	sort.Float64s(sc)
	if sc[0] < 0.55 || mean(sc) < 0.7 {
		t.Errorf("prototype scores: worst %.3f, mean %.3f; want ≥ 0.55 and ≥ 0.7", sc[0], mean(sc))
	}
	t.Logf("%d rows on the sphere, negative share %.2g, prototype scores %.3f…%.3f (mean %.3f)",
		len(rows), neg/tot, sc[0], sc[len(sc)-1], mean(sc))
	compareWithOriginal(t, conv)
}

// compareWithOriginal checks converged rows against the original's
// converged weights, when ../shared holds them: the same scale (largest
// weight within a factor 2 of the original's 0.18), and each trained row resembles some original row — the median of
// the best cosine similarities is ≥ 0.65 (seed 1: 0.79; two original rows
// of different digits score 0.49–0.70 with each other).
func compareWithOriginal(t *testing.T, w []float64) {
	orig, err := loadOriginal()
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the original's weights %s are absent: comparison skipped", originalWeights)
	}
	if err != nil {
		t.Fatal(err)
	}
	best := make([]float64, len(w)/784)
	for mu := range best {
		for nu := 0; nu < 15; nu++ {
			best[mu] = math.Max(best[mu], cosine(w[mu*784:(mu+1)*784], orig[nu*784:(nu+1)*784]))
		}
	}
	sort.Float64s(best)
	if med := best[len(best)/2]; med < 0.65 {
		t.Errorf("median best cosine with the original's rows %.3f, want ≥ 0.65", med)
	}
	if mo, mn := maxOf(orig), maxOf(w); mn < 0.5*mo || mn > 2*mo {
		t.Errorf("largest weight %.3f, the original's %.3f: not the same scale", mn, mo)
	}
	t.Logf("best cosine with the original's rows: %.3f…%.3f (median %.3f)", best[0], best[len(best)-1], best[len(best)/2])
}

// TestOriginalWeights documents the target: the original's converged rows
// are on the unit sphere (Σ W² 1.006–1.009), non-negative up to −2.7e−7,
// and digit prototypes.
func TestOriginalWeights(t *testing.T) {
	orig, err := loadOriginal()
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the original's weights %s are absent: test skipped", originalWeights)
	}
	if err != nil {
		t.Fatal(err)
	}
	n, err := FromWeights(MNISTParams(), orig)
	if err != nil {
		t.Fatal(err)
	}
	for mu, s := range n.Norms() {
		if s < 1.005 || s > 1.01 {
			t.Errorf("original row %d: Σ W² = %.5f", mu, s)
		}
	}
	if m := minOf(orig); m < -1e-6 {
		t.Errorf("original minimum weight %g", m)
	}
	if testing.Short() {
		return
	}
	sc := prototypeScores(orig, classMeans(loadMNIST(t)))
	sort.Float64s(sc)
	if sc[0] < 0.55 || mean(sc) < 0.7 {
		t.Errorf("original prototype scores: worst %.3f, mean %.3f", sc[0], mean(sc))
	}
	// The converged weights are a fixed point of the learning dynamics:
	// 20 more presentations leave every row on the sphere.
	src, _ := mnist.NewSeededSampler(loadMNIST(t), 9)
	h, err := Train(context.Background(), n, src, TrainConfig{Presentations: 20, TMax: 5, TMin: 5}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for mu, s := range h.Norms[len(h.Norms)-1] {
		if s < 1.004 || s > 1.012 {
			t.Errorf("row %d of the original after 20 presentations: Σ W² = %.5f", mu, s)
		}
	}
}

// TestPaperDecay: with the paper's decay term I_μ W_μi the fixed point of
// an active row is exactly the unit sphere (d/dt Σ W² = 2g I (1 − Σ W²)):
// after the same training at least 11 rows have |Σ W² − 1| < 3e−3 (seeds
// 1–10: 12 to 14 rows, largest deviation of a converged row 2.8e−3; seed
// 2: 13; the count follows the same statistics as with the code's decay).
func TestPaperDecay(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on MNIST")
	}
	p := MNISTParams()
	p.Decay = DecayCurrent
	_, h := trainMNIST(t, p, 2)
	norms := h.Norms[len(h.Norms)-1]
	if rows := onSphere(norms, 1-3e-3, 1+3e-3); len(rows) < 11 {
		t.Errorf("%d rows with Σ W² = 1 ± 3e−3 (%.4f), want ≥ 11", len(rows), norms)
	}
}

// TestNonZeroDeltas: with w_inh = 15 one hidden unit wins, so 1/15 = 6.67 %
// of dW/dt is non-zero ("Percentange of non-zero deltas: 6.67%" in the
// original). Over 20 random starts and digits the fraction is always a
// multiple of 1/15 and 1/15 in at least 15 of them.
func TestNonZeroDeltas(t *testing.T) {
	d := loadMNIST(t)
	src, _ := mnist.NewSeededSampler(d, 11)
	rng := rand.New(rand.NewPCG(11, 12))
	ones := 0
	for k := 0; k < 20; k++ {
		n, err := New(MNISTParams(), rng)
		if err != nil {
			t.Fatal(err)
		}
		v, _, _ := src.Next()
		f, err := n.NonZeroFraction(v)
		if err != nil {
			t.Fatal(err)
		}
		if r := f * 15; math.Abs(r-math.Round(r)) > 1e-9 {
			t.Errorf("fraction %v is not a multiple of 1/15", f)
		}
		if math.Abs(f-1.0/15) < 1e-12 {
			ones++
		}
	}
	if ones < 15 {
		t.Errorf("exactly one active unit in %d of 20 draws, want ≥ 15", ones)
	}
}

func minOf(x []float64) float64 {
	m := math.Inf(1)
	for _, v := range x {
		m = math.Min(m, v)
	}
	return m
}

func maxOf(x []float64) float64 {
	m := math.Inf(-1)
	for _, v := range x {
		m = math.Max(m, v)
	}
	return m
}
