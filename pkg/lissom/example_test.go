package lissom_test

import (
	"fmt"

	"github.com/receptive-go/receptive/pkg/lissom"
	"github.com/receptive-go/receptive/pkg/stimuli"
)

// The original notebook's full model on its 36×36 Gaussian stimulus, with
// the activity of every module recorded.
func Example() {
	model, err := lissom.NewLissomFromConfig(lissom.DefaultConfig())
	if err != nil {
		panic(err)
	}
	fmt.Println(model.V1.Afferent)
	retina, err := stimuli.OrientedGaussian(36, 18, 18, 2, 2, 0)
	if err != nil {
		panic(err)
	}
	lissom.Record(model)
	v1, err := model.Forward(retina)
	if err != nil {
		panic(err)
	}
	active := 0
	for _, v := range v1 {
		if v > 0 {
			active++
		}
	}
	fmt.Println("active V1 neurons:", active > 20 && active < 300)
	for _, r := range lissom.Activations(model, "lissom")[:4] {
		fmt.Println(r.Name, r.InSide, "->", r.OutSide)
	}
	// Output:
	// Cortex (1296 -> 1296, sigma=7.3076923076923075, radius=9.5)
	// active V1 neurons: true
	// lissom.v1.inhibitory_module 36 -> 36
	// lissom.v1.excitatory_module 36 -> 36
	// lissom.v1.afferent_module 36 -> 36
	// lissom.v1 36 -> 36
}

// A Cortex layer like the notebook's first figure: 25×25 inputs, 5×5
// neurons, radius 5; each neuron's weights sum to 1.
func ExampleNewCortex() {
	c, err := lissom.NewCortex(625, 25, 5, 5, 1)
	if err != nil {
		panic(err)
	}
	counts, sums := c.Weights().RowStats()
	fmt.Printf("centre neuron: %d connections, sum %.3f; corner: %d\n", counts[12], sums[12], counts[0])
	// Output:
	// centre neuron: 81 connections, sum 1.000; corner: 26
}
