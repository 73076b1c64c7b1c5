package snn_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/receptive-go/receptive/datasets/itd"
	"github.com/receptive-go/receptive/datasets/pretrained"
	"github.com/receptive-go/receptive/pkg/snn"
)

// publishedNet loads the network the original notebook analyses.
func publishedNet(t testing.TB) *snn.Net {
	t.Helper()
	p, err := pretrained.ITD()
	if err != nil {
		t.Fatal(err)
	}
	cfg := snn.DefaultConfig()
	cfg.Tau, cfg.Dt = p.Tau, p.Dt
	n, err := snn.FromWeights(p.WIH, p.WHO, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The original prints "Accuracy on Test set = 82.6%, mean absolute error =
// 2.6 deg" for the published weights on the seeded test set.
func TestPublishedNetworkAccuracy(t *testing.T) {
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ev, err := publishedNet(t).Evaluate(context.Background(), test, snn.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	correct, mae := 0, 0.0
	for s, p := range ev.Predicted {
		y := test.Label(s)
		if p == y {
			correct++
		}
		mae += math.Abs(test.Continuise(float64(y))-test.Continuise(float64(p))) * 180 / math.Pi
	}
	acc := float64(correct) / float64(ev.N)
	mae /= float64(ev.N)
	got := fmt.Sprintf("Accuracy on Test set = %.1f%%, mean absolute error = %.1f deg", acc*100, mae)
	if want := "Accuracy on Test set = 82.6%, mean absolute error = 2.6 deg"; got != want {
		t.Errorf("%s\nwant %s", got, want)
	}
	t.Logf("accuracy %.4f (%d/%d), MAE %.4f deg", acc, correct, ev.N, mae)
}
