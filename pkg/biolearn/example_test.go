package biolearn_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/receptive-go/receptive/pkg/biolearn"
)

// Example builds the original's test network (2 inputs, 4 hidden units,
// w_inh 0.3), and settles its activations for one input.
func Example() {
	p := biolearn.DefaultParams()
	p.WInh = 0.3
	n, err := biolearn.New(p, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		panic(err)
	}
	fmt.Println(n.Params)
	h, err := n.Stationary([]float64{0.5, -1}, n.W)
	if err != nil {
		panic(err)
	}
	positive := 0
	for _, x := range h {
		if x > 0 {
			positive++
		}
	}
	fmt.Println(len(h), "activations,", positive, "positive")
	fmt.Println(biolearn.G(0.05, p.HStar, p.Delta), biolearn.G(0.5, p.HStar, p.Delta))
	// Output:
	// BioNeurons(input_dim=2, output_dim=4, w_inh=0.3, delta=0.4, lebesgue_p=4.0, h_star=0.1, tau=1, tau_L=100)
	// 4 activations, 1 positive
	// -0.4 1
}
