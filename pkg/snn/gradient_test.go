package snn_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/receptive-go/receptive/datasets/itd"
	"github.com/receptive-go/receptive/internal/refdata"
	"github.com/receptive-go/receptive/pkg/snn"
	"gonum.org/v1/gonum/mat"
)

// golden holds the original ITDNet's values (testdata/gen_golden.py,
// torch 1.13): float32 predictions of the published network on the test
// set, and float64 losses and autograd gradients on 8 training samples.
type golden struct {
	TestPred       string    `json:"test_pred"`
	TestAccuracy   float64   `json:"test_accuracy"`
	TestMAE        float64   `json:"test_mae_deg"`
	TestCountsHead [][]int   `json:"test_hidden_counts_head"`
	TestHiddenRate []float64 `json:"test_hidden_mean_rate"`
	Labels8        []int     `json:"labels8"`
	GradCases      []struct {
		Name      string    `json:"name"`
		Scale     float64   `json:"scale"`
		Tau       float64   `json:"tau"`
		Surrogate string    `json:"surrogate"`
		NLL       float64   `json:"nll"`
		Reg       float64   `json:"reg"`
		Loss      float64   `json:"loss"`
		GradWIH   []float64 `json:"grad_W_ih"`
		GradWHO   []float64 `json:"grad_W_ho"`
	} `json:"grad_cases"`
}

func loadGolden(t testing.TB) golden {
	t.Helper()
	var g golden
	refdata.JSON(t, "testdata/golden.json", &g)
	return g
}

// The float64 Go network against torch's float32 original, sample by
// sample: float32 rounding of the input currents may move a threshold
// crossing, so a handful of predictions may differ, but the printed
// accuracy (checked exactly in TestPublishedNetworkAccuracy) does not.
func TestPredictionsAgreeWithTorch(t *testing.T) {
	g := loadGolden(t)
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ev, err := publishedNet(t).Evaluate(t.Context(), test, snn.EvalOptions{Record: 8})
	if err != nil {
		t.Fatal(err)
	}
	differ := 0
	for s, p := range ev.Predicted {
		if "0123456789ab"[p] != g.TestPred[s] {
			differ++
		}
	}
	if differ > 4 {
		t.Errorf("%d of 4096 predictions differ from torch float32 (allowed 4: 0.1%%)", differ)
	}
	countDiff := 0
	for s, want := range g.TestCountsHead {
		for j, c := range want {
			if ev.HiddenCounts[s*8+j] != c {
				countDiff++
			}
		}
	}
	if countDiff > 2 {
		t.Errorf("%d of 256 hidden spike counts differ from torch", countDiff)
	}
	for j, want := range g.TestHiddenRate {
		var c float64
		for s := 0; s < ev.N; s++ {
			c += float64(ev.HiddenCounts[s*8+j])
		}
		rate := c / float64(ev.N) / 0.1
		if math.Abs(rate-want) > 0.05 {
			t.Errorf("hidden %d mean rate %.3f sp/s, torch %.3f", j, rate, want)
		}
	}
	for s, sp := range ev.HiddenSpikes {
		var c int
		for _, n := range ev.HiddenCounts[s*8 : s*8+8] {
			c += n
		}
		if len(sp) != c {
			t.Errorf("sample %d: %d recorded spikes, %d counted", s, len(sp), c)
		}
	}
	t.Logf("%d predictions differ from torch float32", differ)
}

// maxRelErr is max|got − want| / max|want|: the 1e-5 relative criterion on
// the gradient as a whole.
func maxRelErr(got, want []float64) float64 {
	var num, den float64
	for i := range want {
		num = math.Max(num, math.Abs(got[i]-want[i]))
		den = math.Max(den, math.Abs(want[i]))
	}
	return num / den
}

func TestGradientMatchesTorchAutograd(t *testing.T) {
	g := loadGolden(t)
	data, err := itd.New(8, itd.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for s, y := range g.Labels8 {
		if data.Label(s) != y {
			t.Fatalf("label %d = %d, torch %d", s, data.Label(s), y)
		}
	}
	pub := publishedNet(t)
	batch := []int{0, 1, 2, 3, 4, 5, 6, 7}
	reg := snn.DefaultRegulariser()
	reg.BatchSize = 8
	for _, c := range g.GradCases {
		cfg := pub.Config
		cfg.Tau = c.Tau
		if c.Surrogate == "superspike" {
			cfg.Surrogate = snn.SuperSpike
		}
		var wih, who mat.Dense
		wih.Scale(c.Scale, pub.WIH)
		who.Scale(c.Scale, pub.WHO)
		n, err := snn.FromWeights(&wih, &who, cfg)
		if err != nil {
			t.Fatal(err)
		}
		loss, gih, gho, err := n.Gradient(data, batch, reg)
		if err != nil {
			t.Fatal(err)
		}
		// Losses: float64 on both sides, summed in different orders.
		if math.Abs(loss.NLL-c.NLL) > 1e-12 || math.Abs(loss.Reg-c.Reg) > 1e-12 || math.Abs(loss.Total-c.Loss) > 1e-12 {
			t.Errorf("%s: loss %+v, torch nll %v reg %v total %v", c.Name, loss, c.NLL, c.Reg, c.Loss)
		}
		// Gradients: 1e-5 relative (the bound; the golden file keeps
		// 8 significant digits).
		eih := maxRelErr(gih.RawMatrix().Data, c.GradWIH)
		eho := maxRelErr(gho.RawMatrix().Data, c.GradWHO)
		if eih > 1e-5 || eho > 1e-5 {
			t.Errorf("%s: relative error dL/dW_ih %.3g, dL/dW_ho %.3g", c.Name, eih, eho)
		}
		t.Logf("%s: relative error dL/dW_ih %.3g, dL/dW_ho %.3g", c.Name, eih, eho)
	}
}

// randomSpikes is a small random spike set for finite-difference checks.
type randomSpikes struct {
	n, T, in int
	rows     [][]uint64
	labels   []int
}

func newRandomSpikes(n, T, in, classes int, p float64, seed uint64) *randomSpikes {
	r := rand.New(rand.NewPCG(seed, 1))
	x := &randomSpikes{n: n, T: T, in: in}
	W := (in + 63) / 64
	for s := 0; s < n; s++ {
		for t := 0; t < T; t++ {
			row := make([]uint64, W)
			for i := 0; i < in; i++ {
				if r.Float64() < p {
					row[i/64] |= 1 << (i % 64)
				}
			}
			x.rows = append(x.rows, row)
		}
		x.labels = append(x.labels, r.IntN(classes))
	}
	return x
}

func (x *randomSpikes) Len() int                      { return x.n }
func (x *randomSpikes) NumSteps() int                 { return x.T }
func (x *randomSpikes) NumInputs() int                { return x.in }
func (x *randomSpikes) Row(sample, step int) []uint64 { return x.rows[sample*x.T+step] }
func (x *randomSpikes) Label(sample int) int          { return x.labels[sample] }

// With the sigmoid in the forward pass the network is smooth and the
// backpropagated gradient must equal central finite differences.
func TestGradientMatchesFiniteDifferences(t *testing.T) {
	for _, hidden := range []int{8, 5, 13} {
		x := newRandomSpikes(6, 30, 70, 4, 0.25, uint64(hidden))
		cfg := snn.Config{NumInputs: 70, NumHidden: hidden, NumClasses: 4, Tau: 5e-3, Dt: 1e-3, Beta: 5, Smooth: true}
		n, err := snn.New(cfg, rand.NewPCG(3, 4))
		if err != nil {
			t.Fatal(err)
		}
		// Larger input weights so that units cross threshold and the
		// regulariser (rates above 100 Hz over 6 samples) is active.
		n.WIH.Scale(3, n.WIH)
		reg := snn.Regulariser{FRMin: 100, FRMax: 200, BatchSize: 6, Duration: 0.03}
		batch := []int{0, 1, 2, 3, 4, 5}
		loss, gih, gho, err := n.Gradient(x, batch, reg)
		if err != nil {
			t.Fatal(err)
		}
		if loss.Reg == 0 {
			t.Fatalf("H=%d: regulariser inactive; the test would not check its gradient", hidden)
		}
		const eps = 1e-6
		check := func(name string, w *mat.Dense, grad *mat.Dense) {
			r, c := w.Dims()
			var num, den float64
			for i := 0; i < r; i++ {
				for j := 0; j < c; j++ {
					orig := w.At(i, j)
					w.Set(i, j, orig+eps)
					lp, _, _, _ := n.Gradient(x, batch, reg)
					w.Set(i, j, orig-eps)
					lm, _, _, _ := n.Gradient(x, batch, reg)
					w.Set(i, j, orig)
					fd := (lp.Total - lm.Total) / (2 * eps)
					num = math.Max(num, math.Abs(fd-grad.At(i, j)))
					den = math.Max(den, math.Abs(fd))
				}
			}
			// Central differences with ε = 1e-6 are accurate to about 1e-9
			// relative here; 1e-6 leaves room for rounding.
			t.Logf("H=%d %s: max |FD − BPTT| / max |FD| = %.3g", hidden, name, num/den)
			if num/den > 1e-6 {
				t.Errorf("H=%d %s: max |FD − BPTT| / max |FD| = %.3g", hidden, name, num/den)
			}
		}
		check("W_ih", n.WIH, gih)
		check("W_ho", n.WHO, gho)
	}
}
