package snn_test

import (
	"context"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/receptive-go/receptive/datasets/itd"
	"github.com/receptive-go/receptive/pkg/snn"
)

// The original's quick training (τ = 2 ms, 8 hidden, 10 epochs, lr 0.01)
// reports test accuracies of 76–87% across its runs. Three seeds (weight
// initialisation and shuffling) must land in 70–90%: the band is widened
// by 6 points below and 3 above because three runs sample the spread of
// the original's reruns only roughly. About 10 s per seed on 2 cores;
// run with RECEPTIVE_LONG=1.
func TestTrainFromScratchBand(t *testing.T) {
	if os.Getenv("RECEPTIVE_LONG") == "" {
		t.Skip("set RECEPTIVE_LONG=1 to train three networks from scratch")
	}
	train, err := itd.New(128*128, itd.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for seed := uint64(1); seed <= 3; seed++ {
		n, err := snn.New(paperConfig(), rand.NewPCG(seed, 42))
		if err != nil {
			t.Fatal(err)
		}
		tc := snn.DefaultTrainConfig()
		tc.Seed = seed
		res, err := n.Train(context.Background(), train, tc)
		if err != nil {
			t.Fatal(err)
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
		acc := float64(correct) / float64(ev.N)
		t.Logf("seed %d: loss %.3f → %.3f, test accuracy %.1f%%", seed, res.LossHistory[0], res.LossHistory[len(res.LossHistory)-1], 100*acc)
		if acc < 0.70 || acc > 0.90 {
			t.Errorf("seed %d: test accuracy %.1f%%, expected 70–90%%", seed, 100*acc)
		}
	}
}
