package snn_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/receptive-go/receptive/datasets/itd"
	"github.com/receptive-go/receptive/pkg/snn"
	"gonum.org/v1/gonum/mat"
)

func paperConfig() snn.Config {
	cfg := snn.DefaultConfig()
	cfg.Tau = 2e-3
	return cfg
}

// Three epochs on 4 096 samples (96 Adam steps) must take the loss below
// chance (ln 12 ≈ 2.48) and the held-out accuracy well above chance (8.3%).
// Seed 1 gives losses 2.45, 2.25, 2.07 and 24% accuracy; the thresholds
// leave room for other seeds.
func TestTrainLearns(t *testing.T) {
	dc := itd.DefaultConfig()
	train, err := itd.New(4096, dc)
	if err != nil {
		t.Fatal(err)
	}
	dc.Seed = 7
	test, _ := itd.New(1024, dc)
	n, err := snn.New(paperConfig(), rand.NewPCG(1, 2))
	if err != nil {
		t.Fatal(err)
	}
	tc := snn.DefaultTrainConfig()
	tc.Epochs = 3
	calls := 0
	tc.Progress = func(epoch, batch, batches int, loss float64) { calls++ }
	res, err := n.Train(context.Background(), train, tc)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 3*32 || res.Steps != 96 || res.Epochs != 3 || len(res.LossHistory) != 3 {
		t.Fatalf("progress calls %d, result %+v", calls, res)
	}
	if !(res.LossHistory[2] < res.LossHistory[0]) || res.LossHistory[2] > 2.2 {
		t.Errorf("loss history %v: expected a fall below 2.2 from about 2.5", res.LossHistory)
	}
	ev, err := n.Evaluate(context.Background(), test, snn.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	correct := 0
	for s, p := range ev.Predicted {
		if p == test.Label(s) {
			correct++
		}
	}
	if acc := float64(correct) / float64(ev.N); acc < 0.16 {
		t.Errorf("held-out accuracy %.3f after 3 short epochs, expected > 0.16 (twice chance)", acc)
	}
}

func TestTrainCancel(t *testing.T) {
	train, _ := itd.New(512, itd.DefaultConfig())
	n, _ := snn.New(paperConfig(), rand.NewPCG(1, 2))
	ctx, cancel := context.WithCancel(context.Background())
	tc := snn.DefaultTrainConfig()
	tc.Progress = func(epoch, batch, batches int, loss float64) {
		if epoch == 1 && batch == 1 {
			cancel()
		}
	}
	res, err := n.Train(ctx, train, tc)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if res.Epochs != 1 || res.Steps != 6 {
		t.Errorf("stopped after %d epochs, %d steps; want 1 epoch, 6 steps", res.Epochs, res.Steps)
	}
}

func TestSaveLoad(t *testing.T) {
	n, _ := snn.New(paperConfig(), rand.NewPCG(5, 6))
	n.Surrogate = snn.SuperSpike
	path := filepath.Join(t.TempDir(), "net.npz")
	if err := n.Save(path); err != nil {
		t.Fatal(err)
	}
	m, err := snn.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(n.WIH, m.WIH) || !mat.Equal(n.WHO, m.WHO) || m.Tau != n.Tau || m.Dt != n.Dt || m.Surrogate != snn.SuperSpike || m.Beta != n.Beta {
		t.Error("loaded network differs from the saved one")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if _, err := snn.Load(filepath.Join(t.TempDir(), "missing.npz")); err == nil {
		t.Error("missing file loaded")
	}
	bad := filepath.Join(t.TempDir(), "bad.npz")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	if _, err := snn.Load(bad); err == nil {
		t.Error("unreadable file loaded")
	}
}

func TestBadInput(t *testing.T) {
	n, _ := snn.New(paperConfig(), rand.NewPCG(5, 6))
	c := itd.DefaultConfig()
	c.AnfPerEar = 50
	narrow, _ := itd.New(4, c)
	if _, err := n.Evaluate(context.Background(), narrow, snn.EvalOptions{}); err == nil {
		t.Error("input of the wrong width accepted")
	}
	if _, err := n.Evaluate(context.Background(), newRandomSpikes(0, 10, 200, 12, 0.2, 1), snn.EvalOptions{}); err == nil {
		t.Error("empty data set accepted")
	}
	n.WHO.Set(1, 1, math.NaN())
	good, _ := itd.New(4, itd.DefaultConfig())
	if _, err := n.Evaluate(context.Background(), good, snn.EvalOptions{}); err == nil {
		t.Error("NaN weight accepted")
	}
	if _, err := snn.FromWeights(mat.NewDense(200, 8, nil), mat.NewDense(7, 12, nil), paperConfig()); err == nil {
		t.Error("mismatched weight shapes accepted")
	}
	if _, err := snn.New(snn.Config{NumInputs: 2, NumHidden: 2, NumClasses: 2, Tau: -1, Dt: 1}, rand.NewPCG(1, 1)); err == nil {
		t.Error("negative τ accepted")
	}
	m, _ := snn.New(paperConfig(), rand.NewPCG(5, 6))
	if _, _, _, err := m.Gradient(good, nil, snn.DefaultRegulariser()); err == nil {
		t.Error("empty batch accepted")
	}
	tc := snn.DefaultTrainConfig()
	tc.LR = 0
	if _, err := m.Train(context.Background(), good, tc); err == nil {
		t.Error("zero learning rate accepted")
	}
}

// One epoch of the original's training (16 384 samples, batches of 128).
func BenchmarkTrainEpoch(b *testing.B) {
	train, err := itd.New(128*128, itd.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	n, _ := snn.New(paperConfig(), rand.NewPCG(1, 2))
	tc := snn.DefaultTrainConfig()
	tc.Epochs = 1
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := n.Train(context.Background(), train, tc); err != nil {
			b.Fatal(err)
		}
	}
}

// Inference of the published network on the 4 096-sample test set.
func BenchmarkEvaluateTestSet(b *testing.B) {
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	n := publishedNet(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := n.Evaluate(context.Background(), test, snn.EvalOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// A reduced sweep (two τ, one epoch on 1 024 samples) trains, caches, and
// loads from the cache on a second run.
func TestSweepCache(t *testing.T) {
	train, _ := itd.New(1024, itd.DefaultConfig())
	cfg := snn.DefaultSweepConfig()
	cfg.TausMS = []float64{2, 20}
	cfg.NumHidden = 6
	cfg.Train.Epochs = 1
	cfg.CacheDir = t.TempDir()
	last := 0
	cfg.Progress = func(done, total int) { last = done }
	res, err := snn.Sweep(context.Background(), train, snn.DefaultConfig(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Loaded || res[1].Net.Tau != 20e-3 || res[1].Net.NumHidden != 6 || last != 2 {
		t.Fatalf("first sweep: %+v, progress %d", res, last)
	}
	again, err := snn.Sweep(context.Background(), train, snn.DefaultConfig(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for i := range again {
		if !again[i].Loaded || !mat.Equal(again[i].Net.WIH, res[i].Net.WIH) || again[i].LossHistory[0] != res[i].LossHistory[0] {
			t.Errorf("τ = %g ms not reloaded from the cache", again[i].TauMS)
		}
	}
}
