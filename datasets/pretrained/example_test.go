package pretrained_test

import (
	"fmt"

	"github.com/receptive-go/receptive/datasets/pretrained"
)

func ExampleITD() {
	net, err := pretrained.ITD()
	if err != nil {
		panic(err)
	}
	r, c := net.WIH.Dims()
	fmt.Printf("W_ih %d×%d, ", r, c)
	r, c = net.WHO.Dims()
	fmt.Printf("W_ho %d×%d, τ = %g ms\n", r, c, net.Tau*1e3)
	// Output: W_ih 200×8, W_ho 8×12, τ = 2 ms
}
