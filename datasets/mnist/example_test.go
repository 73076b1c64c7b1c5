package mnist_test

import (
	"fmt"

	"github.com/receptive-go/receptive/datasets/mnist"
)

func Example() {
	d, err := mnist.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	img := d.Image(0)
	var ink float64
	for _, v := range img {
		ink += v
	}
	fmt.Printf("%d images; the first is a %d with %d pixels, ink %.2f\n", d.Len(), d.Label(0), len(img), ink)
	// Output: 70000 images; the first is a 5 with 784 pixels, ink 107.94
}
