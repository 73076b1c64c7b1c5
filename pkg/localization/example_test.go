package localization_test

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/receptive-go/receptive/datasets/nlgp"
	"github.com/receptive-go/receptive/pkg/localization"
	"gonum.org/v1/gonum/mat"
)

func Example() {
	// Three receptive fields over 8 inputs: a bump, a dip and noise-like weights.
	w := mat.NewDense(3, 8, []float64{
		0, 0.05, 0.35, 0.6, 0.4, 0.05, 0, 0,
		0, 0, 0, -0.3, -0.5, -0.45, -0.1, 0,
		0.3, -0.2, 0.25, -0.3, 0.2, -0.25, 0.3, -0.2,
	})
	fmt.Printf("IPR %.3f\n", localization.IPR(w))
	fmt.Printf("entropy (bits) %.3f\n", localization.Entropy(w))
	fmt.Println("half-maximum widths", localization.HalfMaxWidth(w))
	fmt.Println("localized (IPR > 0.2)", localization.Localized(w, 0.2)) // a flat row of 8 has IPR 1/8
	fmt.Println("entropy order", localization.EntropySort(w, false))
	// Output:
	// IPR [0.406 0.366 0.139]
	// entropy (bits) [1.549 1.750 2.000]
	// half-maximum widths [3 3 1]
	// localized (IPR > 0.2) [true true false]
	// entropy order [0 1 2]
}

// Training the configuration behind the original's figures: 100 tanh units
// with a trainable bias on NLGP inputs (ξ 4.47 / 0.1, gain 100).
func Example_train() {
	data, err := nlgp.NewSeeded(nlgp.Figures(), 0)
	if err != nil {
		panic(err)
	}
	net, err := localization.New(localization.FiguresOptions(), rand.NewPCG(0, 1))
	if err != nil {
		panic(err)
	}
	res, err := localization.Train(context.Background(), net, data, localization.FiguresSettings())
	if err != nil {
		panic(err)
	}
	fmt.Println("snapshots after steps", res.Steps)
	fmt.Printf("accuracy over the last 100 steps %.2f\n", res.FinalAcc)
	fmt.Printf("share of localized units (IPR > 0.1) %.1f\n", localization.Share(localization.Localized(net.W, 0.1)))
	// Output:
	// snapshots after steps [100 200 300 400 500 600 700 800 900 1000]
	// accuracy over the last 100 steps 0.98
	// share of localized units (IPR > 0.1) 0.5
}
