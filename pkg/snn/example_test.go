package snn_test

import (
	"context"
	"fmt"

	"github.com/receptive-go/receptive/datasets/itd"
	"github.com/receptive-go/receptive/datasets/pretrained"
	"github.com/receptive-go/receptive/pkg/snn"
)

// The published network on the original's seeded test set prints what the
// original notebook prints.
func Example() {
	p, err := pretrained.ITD()
	if err != nil {
		panic(err)
	}
	cfg := snn.DefaultConfig()
	cfg.Tau, cfg.Dt = p.Tau, p.Dt
	net, err := snn.FromWeights(p.WIH, p.WHO, cfg)
	if err != nil {
		panic(err)
	}
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		panic(err)
	}
	ev, err := net.Evaluate(context.Background(), test, snn.EvalOptions{})
	if err != nil {
		panic(err)
	}
	a, err := snn.Analyse(ev, test.Labels(), test.Duration, "Test")
	if err != nil {
		panic(err)
	}
	fmt.Printf("Chance accuracy level: %.1f%%\n", 100/float64(test.NumClasses))
	fmt.Println(a.Text())
	// Output:
	// Chance accuracy level: 8.3%
	// Accuracy on Test set = 82.6%, mean absolute error = 2.6 deg
}
