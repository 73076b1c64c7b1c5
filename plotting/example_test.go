package plotting_test

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/receptive-go/receptive/plotting"
)

func ExampleCmap() {
	cm, err := plotting.Cmap("RdYlBu_r")
	if err != nil {
		panic(err)
	}
	// Colours as matplotlib's cmap(v, bytes=True).
	fmt.Println(cm.At(0), cm.At(0.5), cm.At(1))
	// Normalised between vmin and vmax.
	fmt.Println(cm.Map(-30, -30, 30), cm.Map(45, -30, 30))
	_, err = plotting.Cmap("nope")
	fmt.Println(err != nil)
	// Output:
	// {49 54 149 255} {254 254 190 255} {165 0 38 255}
	// {49 54 149 255} {165 0 38 255}
	// true
}

// The notebook's decision-function figure: filled contours of
// z = -x1 - 2·x2 + 5 with a colour bar labelled every fifth level.
func ExampleAxes_Contourf() {
	var x []float64
	for i := range 161 {
		x = append(x, -8+float64(i)*0.1)
	}
	var z []float64
	for _, x2 := range x {
		for _, x1 := range x {
			z = append(z, -x1-2*x2+5)
		}
	}
	var levels, ticks []float64
	for l := -30; l <= 30; l++ {
		levels = append(levels, float64(l))
		if l%5 == 0 {
			ticks = append(ticks, float64(l))
		}
	}
	fig, ax := plotting.NewSingle()
	cs, err := ax.Contourf(x, x, z, levels, plotting.MustCmap("RdYlBu_r"))
	if err != nil {
		panic(err)
	}
	ax.Colorbar(cs, ticks, "")
	ax.Grid = true
	ax.SetLimits(-8, 8, -8, 8)
	b, err := fig.PNG()
	if err != nil {
		panic(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(cs.Colors()), "bands, first", cs.Colors()[0], "last", cs.Colors()[59])
	fmt.Println(img.Bounds().Size())
	// Output:
	// 60 bands, first {51 59 151 255} last {169 4 38 255}
	// (640,480)
}

func ExampleAxes_Imshow() {
	z := []float64{
		0, 1, 2,
		3, 4, 5,
	}
	fig, ax := plotting.NewSingle()
	fig.Width, fig.Height, fig.DPI = 4, 3, 80
	im, err := ax.Imshow(z, 2, 3, plotting.ImshowOptions{Cmap: plotting.MustCmap("gray")})
	if err != nil {
		panic(err)
	}
	ax.Colorbar(im, nil, "value")
	vmin, vmax := im.Limits()
	fmt.Println(im.Extent(), vmin, vmax, ax.Aspect)
	b, err := fig.PNG()
	if err != nil {
		panic(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	fmt.Println(img.Bounds().Size())
	// Output:
	// [-0.5 2.5 1.5 -0.5] 0 5 1
	// (320,240)
}

func ExampleTileImages() {
	// Nine 5×5 tiles, three per row, as make_grid(w, nrow=3, normalize=True, scale_each=True).
	tiles := make([][]float64, 9)
	for k := range tiles {
		tiles[k] = make([]float64, 25)
		for i := range tiles[k] {
			tiles[k][i] = float64(k * i)
		}
	}
	grid, rows, cols, err := plotting.TileImages(tiles, 5, 5, plotting.TileOptions{PerRow: 3, Normalize: true, PerTile: true})
	if err != nil {
		panic(err)
	}
	fmt.Println(rows, cols, grid[2*cols+2], grid[6*cols+13])
	// Output:
	// 23 23 0 1
}
