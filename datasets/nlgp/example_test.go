package nlgp_test

import (
	"fmt"

	"github.com/receptive-go/receptive/datasets/nlgp"
)

func Example() {
	cfg := nlgp.Figures() // L 40, ξ 4.47 (+1) / 0.1 (−1), gain 100
	sm, err := nlgp.NewSeeded(cfg, 1)
	if err != nil {
		panic(err)
	}
	x, y := make([]float64, 8*cfg.L), make([]float64, 8)
	if err := sm.Batch(x, y); err != nil {
		panic(err)
	}
	fmt.Println("labels", y)
	fmt.Printf("variance %.4f, lag-1 moment of the +1 class %.4f, of the −1 class %.4f\n",
		cfg.Variance(), cfg.Moment(1, cfg.Xi1), cfg.Moment(1, cfg.Xi2))
	_, err = nlgp.New(nlgp.Config{L: 40, Xi1: 0, Xi2: 0.1, Gain: 100}, nil)
	fmt.Println(err)
	// Output:
	// labels [-1 1 -1 -1 -1 1 -1 1]
	// variance 1.0027, lag-1 moment of the +1 class 0.8074, of the −1 class 0.0000
	// nlgp: xi1 must be a positive finite number, got 0
}
